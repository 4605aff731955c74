using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Tests.Profiles.Rules;

public class AddressPrefixLimitRuleTests
{
    private static string Db(string address) => $"""
        - name: db
          hosts: [db.example.internal]
          addresses: ["{address}"]
          ports: [{"{"} number: 5432, protocol: TCP {"}"}]
          resolution: NONE
          owner: team-a
          reason: r
        """;

    [Theory]
    [InlineData("10.42.0.0/23")]
    [InlineData("10.0.0.0/8")]
    [InlineData("2001:db8::/48")]
    public void RangeBroaderThanTheDefaultLimit_InProd_IsAnError(string address)
    {
        var plan = PolicyStack.Check(services: Db(address));

        PolicyAssert.Finding(plan, "EGR305", "egress.services[0].addresses[0]");
    }

    [Theory]
    [InlineData("10.42.8.0/24")]
    [InlineData("10.42.8.15/32")]
    [InlineData("10.42.8.15")]
    [InlineData("2001:db8::/64")]
    [InlineData("2001:db8::1")]
    public void RangeWithinTheDefaultLimit_Passes(string address)
    {
        PolicyAssert.Clean(PolicyStack.Check(services: Db(address)));
    }

    // The limit is a parameter: a stack may tighten it.
    [Fact]
    public void TightenedLimit_AppliesToTheStack()
    {
        var plan = PolicyStack.Check(services: Db("10.42.8.0/26"), policy: "maxIpv4Prefix: 28");

        PolicyAssert.Finding(plan, "EGR305", "egress.services[0].addresses[0]");
    }

    [Fact]
    public void BroadPresetRanges_UnderPermissive_AreOneWarningAtThePreset()
    {
        var plan = PolicyStack.Check(environment: "dev", presets: "- { name: github-ssh, owner: team-a, reason: r }");

        var finding = Assert.Single(plan.WithCode("EGR305"));
        Assert.Equal(("egress.presets[0]", Severity.Warning), (finding.Path, finding.Severity));
        Assert.Contains("140.82.112.0/20", finding.Message, StringComparison.Ordinal);
    }
}
