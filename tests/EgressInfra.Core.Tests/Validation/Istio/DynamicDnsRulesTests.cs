using EgressInfra.Core.Manifests;
using EgressInfra.Core.Validation.Istio;

namespace EgressInfra.Core.Tests.Validation.Istio;

public class DynamicDnsRulesTests
{
    private static ServiceEntry Dynamic(
        string[]? hosts = null,
        string[]? addresses = null,
        ServicePort[]? ports = null,
        WorkloadEntry[]? endpoints = null,
        string? location = null,
        (string, string)[]? labels = null) =>
        Se.Make(hosts: hosts ?? ["*.example.com"], addresses: addresses, ports: ports ?? [Se.Port(443, "TLS")], resolution: "DYNAMIC_DNS", endpoints: endpoints, location: location, labels: labels);

    [Theory]
    [InlineData("HTTP")]
    [InlineData("TLS")]
    [InlineData("GRPC")]
    [InlineData("HTTP2")]
    [InlineData("http")]
    public void SupportedProtocols_AreFine(string protocol)
    {
        Assert.Empty(Se.Check(Dynamic(hosts: ["*.a.com", "*.b.com"], ports: [Se.Port(8080, protocol)])));
    }

    [Fact]
    public void NoHosts_IsRejectedTwice()
    {
        Assert.Equal(["EGR106 spec.hosts", "EGR133 spec.hosts"], Se.Findings(Dynamic(hosts: [])));
    }

    [Fact]
    public void ExactHost_IsRejected()
    {
        var finding = Assert.Single(Se.Check(Dynamic(hosts: ["*.a.com", "api.b.com"])));

        Assert.Equal(("EGR134", "spec.hosts[1]"), (finding.Code, finding.Path));
        Assert.Contains("'*.b.com'", finding.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void PartialWildcard_SatisfiesTheWildcardRule()
    {
        Assert.Empty(Se.Check(Dynamic(hosts: ["*foo.com"])));
    }

    [Fact]
    public void Addresses_AreRejected()
    {
        Assert.Equal(["EGR135 spec.addresses"], Se.Findings(Dynamic(addresses: ["10.0.0.1"])));
    }

    [Fact]
    public void Endpoints_AreRejected()
    {
        Assert.Equal(["EGR136 spec.endpoints"], Se.Findings(Dynamic(endpoints: [Se.Endpoint("10.0.0.1")])));
    }

    [Theory]
    [InlineData("HTTPS")]
    [InlineData("TCP")]
    [InlineData("GRPC-Web")]
    [InlineData("HTTP_PROXY")]
    [InlineData("")]
    public void OtherProtocols_AreRejected(string protocol)
    {
        Assert.Equal(["EGR137 spec.ports[0].protocol"], Se.Findings(Dynamic(ports: [Se.Port(443, protocol, "p")])));
    }

    [Fact]
    public void Https_SuggestsTls()
    {
        var finding = Assert.Single(Se.Check(Dynamic(ports: [Se.Port(443, "HTTPS")])));

        Assert.Contains("protocol TLS", finding.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("waypoint", true)]
    [InlineData("my-waypoint", true)]
    [InlineData("none", false)]
    [InlineData("NONE", false)]
    [InlineData("", false)]
    public void MeshInternal_IsRejectedOnlyWithAWaypoint(string waypoint, bool rejected)
    {
        var entry = Dynamic(location: "MESH_INTERNAL", labels: [("istio.io/use-waypoint", waypoint)]);

        Assert.Equal(rejected ? ["EGR138 spec.location"] : [], Se.Findings(entry));
    }

    [Fact]
    public void MeshInternal_WithoutTheLabel_IsFine()
    {
        Assert.Empty(Se.Check(Dynamic(location: "MESH_INTERNAL")));
    }

    [Fact]
    public void MeshInternalWaypoint_IsNotSeenByAnalyze()
    {
        var entry = Dynamic(location: "MESH_INTERNAL", labels: [("istio.io/use-waypoint", "waypoint")]);

        Assert.Empty(Se.Check(entry, IstioValidationOptions.Analyze));
    }
}
