using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Tests.Validation.Istio;

public class EndpointRulesTests
{
    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("2001:db8::1")]
    public void Static_AcceptsIps(string address)
    {
        Assert.Empty(Se.Check(Se.Make(resolution: "STATIC", endpoints: [Se.Endpoint(address, [("tls-443", 8443)], [("version", "v1")])])));
    }

    [Theory]
    [InlineData("backend.example.com", "set resolution: DNS")]
    [InlineData("10.0.0.1:8443", "without a port")]
    [InlineData("010.0.0.1", "leading zeros")]
    public void Static_RejectsNonIps(string address, string hint)
    {
        var finding = Assert.Single(Se.Check(Se.Make(resolution: "STATIC", endpoints: [Se.Endpoint(address)])));

        Assert.Equal(("EGR125", "spec.endpoints[0].address"), (finding.Code, finding.Path));
        Assert.Contains(hint, finding.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Static_WithoutAddressOrNetwork_IsRejectedAndTheRestSkipped()
    {
        var entry = Se.Make(resolution: "STATIC", endpoints: [Se.Endpoint(null, [("nope", 0)], [("-bad", "x")])]);

        Assert.Equal(["EGR121 spec.endpoints[0]"], Se.Findings(entry));
    }

    [Fact]
    public void Static_WithNetworkOnly_IsAWarning()
    {
        var finding = Assert.Single(Se.Check(Se.Make(resolution: "STATIC", endpoints: [Se.Endpoint("", network: "west")])));

        Assert.Equal(("EGR122", Severity.Warning), (finding.Code, finding.Severity));
    }

    [Theory]
    [InlineData("unix:///var/run/app.sock")]
    [InlineData("unix://@abstract")]
    public void Static_AcceptsUnixSocketsWithOneServicePort(string address)
    {
        Assert.Empty(Se.Check(Se.Make(resolution: "STATIC", endpoints: [Se.Endpoint(address)])));
    }

    [Theory]
    [InlineData("unix://")]
    [InlineData("unix://relative.sock")]
    [InlineData("unix:///var/run/")]
    public void Static_RejectsBadSocketPaths(string address)
    {
        Assert.Equal(["EGR123 spec.endpoints[0].address"], Se.Findings(Se.Make(resolution: "STATIC", endpoints: [Se.Endpoint(address)])));
    }

    [Fact]
    public void UnixEndpoint_MayNotHavePorts()
    {
        var entry = Se.Make(resolution: "STATIC", endpoints: [Se.Endpoint("unix:///app.sock", [("tls-443", 443)])]);

        Assert.Equal(["EGR124 spec.endpoints[0].ports"], Se.Findings(entry));
    }

    [Fact]
    public void UnixEndpoint_NeedsExactlyOneServicePort()
    {
        var entry = Se.Make(resolution: "STATIC", ports: [Se.Port(80, "HTTP"), Se.Port(443, "TLS")], endpoints: [Se.Endpoint("unix:///app.sock")]);

        Assert.Equal(["EGR124 spec.ports"], Se.Findings(entry));
    }

    [Theory]
    [InlineData("STATIC", "10.0.0.1")]
    [InlineData("DNS", "backend.example.com")]
    public void EndpointPortKeys_MustBeDeclaredPortNames(string resolution, string address)
    {
        var entry = Se.Make(resolution: resolution, endpoints: [Se.Endpoint(address, [("https", 8443)])]);

        var finding = Assert.Single(Se.Check(entry));
        Assert.Equal(("EGR126", "spec.endpoints[0].ports.https"), (finding.Code, finding.Path));
        Assert.Contains("'tls-443'", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(65536L)]
    public void EndpointPortValues_MustBeInRange(long port)
    {
        Assert.Equal(["EGR127 spec.endpoints[0].ports.tls-443"], Se.Findings(Se.Make(resolution: "STATIC", endpoints: [Se.Endpoint("10.0.0.1", [("tls-443", port)])])));
    }

    // Keys that are not plain identifiers are quoted, as in config paths.
    [Fact]
    public void EndpointPortPath_QuotesKeysThatNeedIt()
    {
        var finding = Assert.Single(Se.Check(Se.Make(resolution: "STATIC", endpoints: [Se.Endpoint("10.0.0.1", [("tls.443", 443)])])), d => d.Code == "EGR126");

        Assert.Equal("spec.endpoints[0].ports[\"tls.443\"]", finding.Path);
    }

    [Fact]
    public void EndpointPortKey_ThatIsNotALabel_IsUndeclaredAndInvalid()
    {
        Assert.Equal(["EGR126", "EGR127"], Se.Codes(Se.Make(resolution: "STATIC", endpoints: [Se.Endpoint("10.0.0.1", [("tls_443", 443)])])));
    }

    [Theory]
    [InlineData("-bad", "v1")]
    [InlineData("bad_prefix.com/x", "v1")]
    [InlineData("ok", "bad value")]
    [InlineData("ok", "-v1")]
    public void EndpointLabels_MustBeKubernetesLabels(string key, string value)
    {
        Assert.Equal([$"EGR128 {ConfigPath.Child("spec.endpoints[0].labels", key)}"], Se.Findings(Se.Make(resolution: "DNS", endpoints: [Se.Endpoint("a.example.com", labels: [(key, value)])])));
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("backend.example.com")]
    [InlineData("backend")]
    public void Dns_AcceptsIpsAndHostNames(string address)
    {
        Assert.Empty(Se.Check(Se.Make(resolution: "DNS", endpoints: [Se.Endpoint(address)])));
    }

    [Theory]
    [InlineData("unix:///var/run/app.sock", "resolution: STATIC")]
    [InlineData("backend.example.com:8443", "map the port")]
    [InlineData("*.example.com", "wildcards")]
    [InlineData("127.1", "all four octets")]
    public void Dns_RejectsOtherAddresses(string address, string hint)
    {
        var finding = Assert.Single(Se.Check(Se.Make(resolution: "DNS_ROUND_ROBIN", endpoints: [Se.Endpoint(address)])));

        Assert.Equal(("EGR131", "spec.endpoints[0].address"), (finding.Code, finding.Path));
        Assert.Contains(hint, finding.Hint, StringComparison.Ordinal);
    }

    // Under DNS a network does not excuse a missing address, unlike STATIC's warning.
    [Fact]
    public void Dns_RejectsAnEmptyAddressEvenWithANetwork()
    {
        Assert.Equal(["EGR131 spec.endpoints[0]"], Se.Findings(Se.Make(resolution: "DNS", endpoints: [Se.Endpoint("", network: "west")])));
    }
}
