using EgressInfra.Core.Validation.Istio;

namespace EgressInfra.Core.Tests.Validation.Istio;

public class CrdSchemaRulesTests
{
    [Fact]
    public void TooManyHosts_ExceedTheCrdLimit()
    {
        var hosts = Enumerable.Range(0, 257).Select(i => $"h{i}.example.com").ToArray();

        Assert.Equal(["EGR145 spec.hosts"], Se.Findings(Se.Make(hosts: hosts, resolution: "NONE")));
        Assert.Empty(Se.Check(Se.Make(hosts: hosts[..256], resolution: "NONE")));
    }

    [Fact]
    public void LongAddress_ExceedsTheCrdLimit()
    {
        var address = "fe80::1%" + new string('e', 60);

        Assert.Equal(["EGR145 spec.addresses[0]"], Se.Findings(Se.Make(addresses: [address], resolution: "NONE")));
    }

    // The CRD allows 62 characters for endpoint port names, the webhook 63.
    [Fact]
    public void EndpointPortNameOf63Characters_PassesTheWebhookButNotTheCrd()
    {
        var name = new string('p', 63);
        var entry = Se.Make(resolution: "STATIC", ports: [Se.Port(443, "TLS", name)], endpoints: [Se.Endpoint("10.0.0.1", [(name, 8443)])]);

        Assert.Empty(Se.Check(entry, new(CheckCrdSchema: false)));
        Assert.Equal([$"EGR145 spec.endpoints[0].ports.{name}"], Se.Findings(entry));
    }

    [Fact]
    public void LongSelectorValue_ExceedsTheCrdLimit()
    {
        var entry = Se.Make(resolution: "STATIC", selector: Se.Selector(("app", new string('a', 64))));

        Assert.Equal(["EGR145 spec.workloadSelector.labels.app"], Se.Findings(entry));
    }

    [Fact]
    public void AnalyzeMode_SkipsTheSchema()
    {
        Assert.Empty(Se.Check(Se.Make(ports: [Se.Port(443, "TLS", targetPort: 0)]), IstioValidationOptions.Analyze));
    }
}
