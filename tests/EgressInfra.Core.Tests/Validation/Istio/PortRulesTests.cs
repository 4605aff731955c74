using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Validation.Istio;

namespace EgressInfra.Core.Tests.Validation.Istio;

public class PortRulesTests
{
    private static readonly IstioValidationOptions WebhookOnly = new(CheckCrdSchema: false);

    [Fact]
    public void DistinctPorts_HaveNoFindings()
    {
        Assert.Empty(Se.Check(Se.Make(ports: [Se.Port(80, "HTTP"), Se.Port(443, "https", "HTTPS-443"), Se.Port(8443, "TLS", "web", targetPort: 9443)])));
    }

    [Fact]
    public void DuplicateName_IsRejectedAtTheSecondPort()
    {
        var entry = Se.Make(ports: [Se.Port(80, "HTTP", "web"), Se.Port(81, "HTTP", "web")]);

        Assert.Equal(["EGR112 spec.ports[1].name"], Se.Findings(entry));
    }

    [Fact]
    public void DuplicateName_IsCaseSensitive()
    {
        Assert.Empty(Se.Check(Se.Make(ports: [Se.Port(80, "HTTP", "web"), Se.Port(81, "HTTP", "Web")])));
    }

    // Two unnamed ports collide on the empty name, and each empty name is itself invalid.
    [Fact]
    public void TwoUnnamedPorts_CollideAndAreInvalid()
    {
        var entry = Se.Make(ports: [Se.Port(80, "HTTP", null), Se.Port(81, "HTTP", null)]);

        Assert.Equal(["EGR116 spec.ports[0].name", "EGR112 spec.ports[1].name", "EGR116 spec.ports[1].name"], Se.Findings(entry));
    }

    [Fact]
    public void DuplicateNumber_IsRejectedAtTheSecondPort()
    {
        var entry = Se.Make(ports: [Se.Port(443, "TLS", "a"), Se.Port(443, "HTTPS", "b")]);

        Assert.Equal(["EGR113 spec.ports[1].number"], Se.Findings(entry));
    }

    [Fact]
    public void ManyPorts_StillFindDuplicates()
    {
        var ports = Enumerable.Range(1, 40).Select(n => Se.Port(1000 + n, "TLS")).Append(Se.Port(1005, "TLS", "again")).Append(Se.Port(2000, "TLS", "tls-1007")).ToArray();

        Assert.Equal(["EGR113 spec.ports[40].number", "EGR112 spec.ports[41].name"], Se.Findings(Se.Make(ports: ports), WebhookOnly));
    }

    [Theory]
    [InlineData(70000L)]
    [InlineData(-1L)]
    [InlineData(65536L)]
    public void TargetPortOutOfRange_IsRejected(long target)
    {
        Assert.Equal(["EGR114 spec.ports[0].targetPort"], Se.Findings(Se.Make(ports: [Se.Port(443, "TLS", targetPort: target)])));
    }

    // The webhook reads 0 as unset; only the CRD schema rejects it.
    [Fact]
    public void TargetPortZero_PassesTheWebhookButNotTheCrd()
    {
        var entry = Se.Make(ports: [Se.Port(443, "TLS", targetPort: 0)]);

        Assert.Empty(Se.Check(entry, WebhookOnly));
        Assert.Equal(["EGR146 spec.ports[0].targetPort"], Se.Findings(entry));
    }

    [Fact]
    public void TargetPort_IsFineUnderNone()
    {
        Assert.Empty(Se.Check(Se.Make(resolution: "NONE", addresses: ["10.0.0.1"], ports: [Se.Port(5432, "TCP", targetPort: 6432)])));
    }

    [Theory]
    [InlineData(null, "TCP")]
    [InlineData(null, "")]
    [InlineData(null, null)]
    [InlineData("NONE", "TCP")]
    public void NoAddresses_WithNoneAndTcpOrUnset_WarnsOncePerPort(string? resolution, string? protocol)
    {
        var entry = Se.Make(resolution: resolution, ports: [Se.Port(5432, protocol, "db"), Se.Port(5433, protocol, "db2"), Se.Port(443, "TLS")]);

        var findings = Se.Check(entry);

        Assert.Equal(["EGR115 spec.ports[0].protocol", "EGR115 spec.ports[1].protocol"], findings.Select(d => $"{d.Code} {d.Path}"));
        Assert.All(findings, d => Assert.Equal(Severity.Warning, d.Severity));
    }

    // W-16 compares the protocol text exactly: "tcp" and "Tcp" do not trigger it (istioctl's IST0134 would).
    [Theory]
    [InlineData("tcp")]
    [InlineData("Tcp")]
    [InlineData("MySQL")]
    [InlineData("UDP")]
    public void NoAddresses_WithOtherSpellingsOrProtocols_DoesNotWarn(string protocol)
    {
        Assert.Empty(Se.Check(Se.Make(resolution: "NONE", ports: [Se.Port(5432, protocol, "db")])));
    }

    [Theory]
    [InlineData("DNS")]
    [InlineData("STATIC")]
    [InlineData("DNS_ROUND_ROBIN")]
    public void NoAddresses_WithAutoAllocation_DoesNotWarn(string resolution)
    {
        Assert.Empty(Se.Check(Se.Make(resolution: resolution, ports: [Se.Port(5432, "TCP")])));
    }

    [Theory]
    [InlineData("false")]
    [InlineData("FALSE")]
    public void NoAddresses_WhenTheEntryOptsOutOfAutoAllocation_Warns(string value)
    {
        var entry = Se.Make(ports: [Se.Port(5432, "TCP")], labels: [("networking.istio.io/enable-autoallocate-ip", value)]);

        Assert.Equal(["EGR115 spec.ports[0].protocol"], Se.Findings(entry));
        Assert.Empty(Se.Check(entry, IstioValidationOptions.Analyze));
    }

    [Fact]
    public void NoAddresses_WithAutoAllocationOff_Warns()
    {
        Assert.Equal(["EGR115 spec.ports[0].protocol"], Se.Findings(Se.Make(ports: [Se.Port(5432, "TCP")]), new(IpAutoAllocation: false)));
    }

    [Fact]
    public void Addresses_SilenceTheWarning()
    {
        Assert.Empty(Se.Check(Se.Make(resolution: "NONE", addresses: ["10.0.0.1"], ports: [Se.Port(5432, "TCP")])));
    }

    [Theory]
    [InlineData("Web_1")]
    [InlineData("-web")]
    [InlineData("web.1")]
    [InlineData(null)]
    public void InvalidPortName_IsRejected(string? name)
    {
        Assert.Equal(["EGR116 spec.ports[0].name"], Se.Findings(Se.Make(ports: [Se.Port(443, "TLS", name)])));
    }

    [Fact]
    public void LongPortName_IsRejected()
    {
        Assert.Equal(["EGR116 spec.ports[0].name"], Se.Findings(Se.Make(ports: [Se.Port(443, "TLS", new string('a', 64))])));
        Assert.Empty(Se.Check(Se.Make(ports: [Se.Port(443, "TLS", new string('a', 63))])));
    }

    [Theory]
    [InlineData("HBONE", "HBONE is Istio's internal")]
    [InlineData("DoubleHBONE", "HBONE is Istio's internal")]
    [InlineData("SCTP", "use one of")]
    [InlineData("GRPC_WEB", "did you mean 'GRPC-WEB'")]
    [InlineData("http-proxy", "did you mean 'http_proxy'")]
    public void UnsupportedProtocol_IsRejectedWithAHint(string protocol, string hint)
    {
        var finding = Assert.Single(Se.Check(Se.Make(ports: [new ServicePort(443, protocol, "p")])));

        Assert.Equal(("EGR117", "spec.ports[0].protocol"), (finding.Code, finding.Path));
        Assert.Contains(hint, finding.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https")]
    [InlineData("grpc-web")]
    [InlineData("Http_Proxy")]
    [InlineData("mongo")]
    [InlineData("")]
    public void SupportedProtocols_AnyCase_AreFine(string protocol)
    {
        Assert.Empty(Se.Check(Se.Make(ports: [new ServicePort(443, protocol, "p")])));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(65536L)]
    [InlineData(-80L)]
    public void PortNumberOutOfRange_IsRejected(long number)
    {
        Assert.Contains("EGR118 spec.ports[0].number", Se.Findings(Se.Make(ports: [new ServicePort(number, "TLS", "p")])));
    }

    [Fact]
    public void PortNumberBounds_AreInclusive()
    {
        Assert.Empty(Se.Check(Se.Make(ports: [new ServicePort(1, "TLS", "a"), new ServicePort(65535, "TLS", "b")])));
    }
}
