using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Tests.Profiles.Rules;

public class NoResolutionNoneOnHttpRuleTests
{
    private static string Api(string protocol, string resolution) => $"""
        - name: api
          hosts: [api.example.com]
          ports: [{"{"} number: 8080, protocol: {protocol} {"}"}]
          resolution: {resolution}
          location: MESH_INTERNAL
          owner: team-a
          reason: r
        """;

    // F9: with NONE the client's Host header picks the route and the connection goes anywhere.
    [Fact]
    public void ResolutionNoneOnHttp_InProd_IsAnErrorAtTheResolution()
    {
        PolicyAssert.Finding(PolicyStack.Check(services: Api("HTTP", "NONE")), "EGR307", "egress.services[0].resolution");
    }

    [Fact]
    public void ResolutionNoneOnHttp_UnderPermissive_IsAWarning()
    {
        PolicyAssert.Finding(PolicyStack.Check(environment: "dev", services: Api("HTTP", "NONE")), "EGR307", "egress.services[0].resolution", Severity.Warning);
    }

    [Theory]
    [InlineData("HTTP", "DNS")]
    [InlineData("TLS", "NONE")]
    public void DnsOnHttpOrNoneOnTls_Passes(string protocol, string resolution)
    {
        PolicyAssert.NoFinding(PolicyStack.Check(services: Api(protocol, resolution)), "EGR307");
    }
}
