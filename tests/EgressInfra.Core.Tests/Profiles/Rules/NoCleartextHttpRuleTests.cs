using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Tests.Profiles.Rules;

public class NoCleartextHttpRuleTests
{
    private static string Api(string protocol, int port, string location = "MESH_EXTERNAL") => $"""
        - name: api
          hosts: [api.example.com]
          ports: [{"{"} number: {port}, protocol: {protocol} {"}"}]
          location: {location}
          owner: team-a
          reason: r
        """;

    [Theory]
    [InlineData("HTTP", 80)]
    [InlineData("HTTP2", 8080)]
    [InlineData("GRPC", 9000)]
    public void CleartextHttpToAnExternalHost_InProd_IsAnErrorAtTheProtocol(string protocol, int port)
    {
        var plan = PolicyStack.Check(services: Api(protocol, port));

        PolicyAssert.Finding(plan, "EGR306", "egress.services[0].ports[0].protocol");
    }

    [Fact]
    public void CleartextHttp_UnderPermissive_IsAWarning()
    {
        PolicyAssert.Finding(PolicyStack.Check(environment: "dev", services: Api("HTTP", 80)), "EGR306", "egress.services[0].ports[0].protocol", Severity.Warning);
    }

    [Theory]
    [InlineData("TLS", 443, "MESH_EXTERNAL")]
    [InlineData("HTTPS", 443, "MESH_EXTERNAL")]
    public void TlsOrAnInMeshHost_Passes(string protocol, int port, string location)
    {
        PolicyAssert.NoFinding(PolicyStack.Check(services: Api(protocol, port, location)), "EGR306");
    }

    [Fact]
    public void MeshInternal_DoesNotMakeAnExternalHostSafe()
    {
        PolicyAssert.Finding(PolicyStack.Check(services: Api("HTTP", 8080, "MESH_INTERNAL")), "EGR306", "egress.services[0].ports[0].protocol");
    }
}
