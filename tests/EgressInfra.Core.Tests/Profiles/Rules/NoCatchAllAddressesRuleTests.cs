using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Tests.Profiles.Rules;

public class NoCatchAllAddressesRuleTests
{
    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("\"::/0\"")]
    public void CatchAllRange_InProd_IsAnErrorAtTheAddress(string address)
    {
        var plan = PolicyStack.Check(services: $"""
            - name: anything
              hosts: [db.example.internal]
              addresses: [10.0.0.1/32, {address}]
              ports: [{"{"} number: 5432, protocol: TCP {"}"}]
              owner: team-a
              reason: r
            """);

        PolicyAssert.Finding(plan, "EGR304", "egress.services[0].addresses[1]");
    }

    [Fact]
    public void CatchAllRange_UnderPermissive_IsAWarning()
    {
        var plan = PolicyStack.Check(environment: "dev", services: """
            - name: anything
              hosts: [db.example.internal]
              addresses: [0.0.0.0/0]
              ports: [{ number: 5432, protocol: TCP }]
              owner: team-a
              reason: r
            """);

        PolicyAssert.Finding(plan, "EGR304", "egress.services[0].addresses[0]", Severity.Warning);
    }

    [Theory]
    [InlineData("10.42.8.15/32")]
    [InlineData("10.42.8.15")]
    [InlineData("0.0.0.1/32")]
    public void SpecificAddress_Passes(string address)
    {
        var plan = PolicyStack.Check(services: $"""
            - name: db
              hosts: [db.example.internal]
              addresses: ["{address}"]
              ports: [{"{"} number: 5432, protocol: TCP {"}"}]
              owner: team-a
              reason: r
            """);

        PolicyAssert.NoFinding(plan, "EGR304");
    }
}
