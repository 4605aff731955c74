using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Tests.Profiles;

/// <summary>The floor: prod and staging never run below restrictive's mandatory rules and limits.</summary>
public class EnvironmentFloorTests
{
    private const string Wildcard = """
        - name: wide
          hosts: ["*.example.com"]
          ports: [{ number: 443, protocol: TLS }]
          resolution: DYNAMIC_DNS
          owner: team-a
          reason: r
        """;

    [Theory]
    [InlineData("prod")]
    [InlineData("staging")]
    public void PermissiveProfile_InAFloorEnvironment_IsAnErrorAndChecksAsRestrictive(string environment)
    {
        var plan = PolicyStack.Check(environment: environment, profile: "permissive", services: Wildcard);

        PolicyAssert.Finding(plan, "EGR320", "profile");
        PolicyAssert.Finding(plan, "EGR303", "egress.services[0].hosts[0]");
        Assert.Equal(3, plan.Diagnostics.Single(d => d.Code == "EGR320").Location?.Line);
    }

    [Theory]
    [InlineData("permissive")]
    [InlineData("restrictive")]
    public void Dev_MayRunEitherProfile(string profile)
    {
        var plan = PolicyStack.Check(environment: "dev", profile: profile);

        PolicyAssert.Clean(plan);
    }

    [Fact]
    public void UnknownProfile_IsAnErrorWithASuggestion()
    {
        var plan = PolicyStack.Check(profile: "restrictve");

        var finding = PolicyAssert.Finding(plan, "EGR300", "profile");
        Assert.Contains("Did you mean 'restrictive'", finding.Hint, StringComparison.Ordinal);
    }

    // Pulumi.yaml declares profile with default "": that means the environment's default.
    [Theory]
    [InlineData("prod", "restrictive")]
    [InlineData("dev", "permissive")]
    public void EmptyProfile_MeansTheEnvironmentsDefault(string environment, string expected)
    {
        var plan = PolicyStack.Check(environment: environment, profile: "\"\"");

        PolicyAssert.Clean(plan);
        Assert.Equal(expected, plan.Config!.Profile);
    }

    [Theory]
    [InlineData("no-wildcard-hosts", "advisory")]
    [InlineData("no-wildcard-hosts", "disabled")]
    [InlineData("EGR303", "disabled")]
    [InlineData("egr303", "advisory")]
    public void LoweringAMandatoryRule_InProd_IsAnErrorAndTheRuleStaysMandatory(string rule, string level)
    {
        var plan = PolicyStack.Check(services: Wildcard, policy: $"rules: {{ {rule}: {level} }}");

        PolicyAssert.Finding(plan, "EGR321", $"policy.rules.{rule}");
        PolicyAssert.Finding(plan, "EGR303", "egress.services[0].hosts[0]");
    }

    [Fact]
    public void LoweringARule_InDev_IsAllowed()
    {
        var plan = PolicyStack.Check(environment: "dev", profile: "restrictive", services: Wildcard, policy: "rules: { no-wildcard-hosts: disabled }");

        PolicyAssert.Clean(plan);
    }

    [Fact]
    public void RaisingAnAdvisoryRule_InProd_IsAllowed()
    {
        var plan = PolicyStack.Check(
            presets: "- { name: google-cloud-storage, owner: team-a, reason: r }",
            policy: "rules: { preset-addresses-fresh: mandatory }");

        PolicyAssert.Clean(plan);
    }

    [Fact]
    public void DisablingAnAdvisoryRule_InProd_IsAllowed()
    {
        var plan = PolicyStack.Check(policy: "rules: { preset-addresses-fresh: disabled }");

        PolicyAssert.Clean(plan);
    }

    [Fact]
    public void UnknownRule_IsAnErrorWithASuggestion()
    {
        var plan = PolicyStack.Check(policy: "rules: { no-wildcard-host: mandatory }");

        var finding = PolicyAssert.Finding(plan, "EGR322", "policy.rules.no-wildcard-host");
        Assert.Contains("'no-wildcard-hosts'", finding.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownLevel_IsAnError()
    {
        var plan = PolicyStack.Check(policy: "rules: { no-wildcard-hosts: optional }");

        PolicyAssert.Finding(plan, "EGR005", "policy.rules.no-wildcard-hosts");
    }

    [Fact]
    public void SameRuleByIdAndByCode_IsAnError()
    {
        var plan = PolicyStack.Check(policy: "rules: { owner-and-reason: mandatory, EGR309: mandatory }");

        PolicyAssert.Finding(plan, "EGR008", "policy.rules.EGR309");
    }

    [Fact]
    public void BroaderPrefixLimit_InProd_IsAnErrorAndTheFloorsLimitStays()
    {
        var plan = PolicyStack.Check(
            services: """
                - name: db
                  hosts: [db.example.internal]
                  addresses: [10.42.0.0/20]
                  ports: [{ number: 5432, protocol: TCP }]
                  owner: team-a
                  reason: r
                """,
            policy: "maxIpv4Prefix: 16");

        PolicyAssert.Finding(plan, "EGR321", "policy.maxIpv4Prefix");
        PolicyAssert.Finding(plan, "EGR305", "egress.services[0].addresses[0]");
    }

    [Fact]
    public void BroaderIpv6Limit_InProd_IsAnError()
    {
        PolicyAssert.Finding(PolicyStack.Check(policy: "maxIpv6Prefix: 48"), "EGR321", "policy.maxIpv6Prefix");
    }

    [Fact]
    public void BroaderPrefixLimit_InDev_Applies()
    {
        var plan = PolicyStack.Check(
            environment: "dev",
            profile: "restrictive",
            services: """
                - name: db
                  hosts: [db.example.internal]
                  addresses: [10.42.0.0/20]
                  ports: [{ number: 5432, protocol: TCP }]
                  owner: team-a
                  reason: r
                """,
            policy: "maxIpv4Prefix: 20");

        PolicyAssert.Clean(plan);
    }

    [Fact]
    public void PrefixLimitOutOfRange_IsAnError()
    {
        PolicyAssert.Finding(PolicyStack.Check(policy: "maxIpv4Prefix: 33"), "EGR007", "policy.maxIpv4Prefix");
    }

    [Fact]
    public void UnknownPolicyKey_IsAnErrorWithASuggestion()
    {
        var plan = PolicyStack.Check(policy: "waiver: []");

        var finding = PolicyAssert.Finding(plan, "EGR003", "policy.waiver");
        Assert.Contains("'waivers'", finding.Hint, StringComparison.Ordinal);
    }
}
