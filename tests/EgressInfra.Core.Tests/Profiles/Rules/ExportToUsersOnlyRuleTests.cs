using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Tests.Profiles.Rules;

public class ExportToUsersOnlyRuleTests
{
    private static string Api(string exportTo) => $"""
        - name: api
          hosts: [api.example.com]
          ports: [{"{"} number: 443, protocol: TLS {"}"}]
          namespaces: [payments]
          exportTo: [{exportTo}]
          owner: team-a
          reason: r
        """;

    [Theory]
    [InlineData("\"*\"")]
    [InlineData("orders")]
    public void ExportBeyondTheUsers_InProd_IsAnErrorAtTheExport(string exportTo)
    {
        PolicyAssert.Finding(PolicyStack.Check(services: Api(exportTo)), "EGR308", "egress.services[0].exportTo[0]");
    }

    [Fact]
    public void ExportToEverything_UnderPermissive_IsAWarning()
    {
        PolicyAssert.Finding(PolicyStack.Check(environment: "dev", services: Api("\"*\"")), "EGR308", "egress.services[0].exportTo[0]", Severity.Warning);
    }

    [Theory]
    [InlineData("\".\"")]
    [InlineData("payments")]
    public void ExportToItsOwnNamespaceOrItsUsers_Passes(string exportTo)
    {
        PolicyAssert.Clean(PolicyStack.Check(services: Api(exportTo)));
    }
}
