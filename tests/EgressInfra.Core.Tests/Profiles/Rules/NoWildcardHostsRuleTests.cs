using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Tests.Profiles.Rules;

public class NoWildcardHostsRuleTests
{
    [Theory]
    [InlineData("\"*\"")]
    [InlineData("\"*.stripe.com\"")]
    public void WildcardHost_InProd_IsAnErrorAtTheHost(string host)
    {
        var plan = PolicyStack.Check(services: $"""
            - name: wide
              hosts: [api.stripe.com, {host}]
              ports: [{"{"} number: 443, protocol: TLS {"}"}]
              owner: team-a
              reason: r
            """);

        PolicyAssert.Finding(plan, "EGR303", "egress.services[0].hosts[1]");
    }

    // Permissive allows wildcards (with resolution NONE), as a warning.
    [Fact]
    public void WildcardHost_UnderPermissive_IsAWarning()
    {
        var plan = PolicyStack.Check(environment: "dev", services: """
            - name: wide
              hosts: ["*.googleapis.com"]
              ports: [{ number: 443, protocol: TLS }]
              owner: team-a
              reason: r
            """);

        PolicyAssert.Finding(plan, "EGR303", "egress.services[0].hosts[0]", Severity.Warning);
        Assert.Equal("NONE", plan.Manifests!.ServiceEntries[0].Spec.Resolution);
    }

    // A finding on a preset's service points at the preset, the only line the stack wrote.
    [Fact]
    public void WildcardFromAPreset_IsReportedAtThePreset()
    {
        var plan = PolicyStack.Check(presets: "- { name: aws-s3, region: eu-west-1, owner: team-a, reason: r }");

        PolicyAssert.Finding(plan, "EGR303", "egress.presets[0]");
    }

    [Fact]
    public void ExactHosts_Pass()
    {
        PolicyAssert.NoFinding(PolicyStack.Check(), "EGR303");
    }
}
