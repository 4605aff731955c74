using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Tests.Profiles.Rules;

public class CanonicalRangesRuleTests
{
    [Theory]
    [InlineData("10.42.8.15/24", "10.42.8.0/24")]
    [InlineData("\"2001:db8::1/64\"", "2001:db8::/64")]
    public void RangeWithHostBits_InProd_IsAnErrorNamingTheNetwork(string address, string network)
    {
        var plan = PolicyStack.Check(services: $"""
            - name: db
              hosts: [db.example.internal]
              addresses: [{address}]
              ports: [{"{"} number: 5432, protocol: TCP {"}"}]
              owner: team-a
              reason: r
            """);

        PolicyAssert.Finding(plan, "EGR311", "egress.services[0].addresses[0]");
        Assert.Contains(plan.Diagnostics, d => d.Code == "EGR311" && d.Message.Contains(network, StringComparison.Ordinal));
    }

    [Fact]
    public void RangeWithHostBits_UnderPermissive_IsAWarning()
    {
        var plan = PolicyStack.Check(environment: "dev", services: """
            - name: db
              hosts: [db.example.internal]
              addresses: [10.42.8.15/24]
              ports: [{ number: 5432, protocol: TCP }]
              owner: team-a
              reason: r
            """);

        PolicyAssert.Finding(plan, "EGR311", "egress.services[0].addresses[0]", Severity.Warning);
    }

    [Theory]
    [InlineData("10.42.8.0/24")]
    [InlineData("10.42.8.15/32")]
    [InlineData("10.42.8.15")]
    public void NetworkAddressesAndSingleAddresses_Pass(string address)
    {
        var plan = PolicyStack.Check(services: $"""
            - name: db
              hosts: [db.example.internal]
              addresses: [{address}]
              ports: [{"{"} number: 5432, protocol: TCP {"}"}]
              owner: team-a
              reason: r
            """);

        Assert.DoesNotContain(plan.Diagnostics, d => d.Code == "EGR311");
    }
}
