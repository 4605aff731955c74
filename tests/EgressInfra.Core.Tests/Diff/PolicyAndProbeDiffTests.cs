using EgressInfra.Core.Diff;
using EgressInfra.Core.Probe;
using EgressInfra.Core.Profiles.Rules;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Diff;

/// <summary><c>policy.rules</c>, the prefix limits and <c>probe</c> are stack-wide changes; a loosening says why it matters.</summary>
public class PolicyAndProbeDiffTests
{
    // The dev stack: permissive profile (every rule advisory, /24 and /64), no floor, probe enabled.
    private static readonly string Dev = RepoPaths.ReadText("Pulumi.dev.yaml");

    private static string WithPolicy(string policyYaml) =>
        Dev.TrimEnd('\n') + "\n  egress-infra:policy:\n" + policyYaml;

    private static string WithProbe(string probeYaml) =>
        Dev.Replace("  egress-infra:probe:\n    enabled: true\n", "  egress-infra:probe:\n" + probeYaml, StringComparison.Ordinal);

    [Fact]
    public void RuleLoweredFromMandatory_IsAStackChangeThatSaysWhyItMatters()
    {
        var diff = EgressDifferTests.Compare(
            WithPolicy("    rules:\n      owner-and-reason: mandatory\n"),
            WithPolicy("    rules:\n      owner-and-reason: advisory\n"));

        var change = Assert.Single(diff.Stack);
        Assert.Equal("policy.rules.owner-and-reason", change.Field);
        Assert.Equal("mandatory", change.Old);
        Assert.Equal("advisory", change.New);
        Assert.Contains("no longer stop a deployment", change.Why, StringComparison.Ordinal);
        Assert.Contains(
            "stack:\n  policy.rules.owner-and-reason: mandatory -> advisory\n    why it matters: owner-and-reason was mandatory",
            DiffText.Write(diff),
            StringComparison.Ordinal);
        Assert.Contains(
            "- policy.rules.owner-and-reason: `mandatory` → `advisory` — **why it matters:** owner-and-reason was mandatory",
            DiffMarkdown.Write(diff),
            StringComparison.Ordinal);
    }

    [Fact]
    public void RuleDisabled_WhereTheProfileLeftItAdvisory_IsALoosening()
    {
        var diff = EgressDifferTests.Compare(Dev, WithPolicy("    rules:\n      no-wildcard-hosts: disabled\n"));

        var change = Assert.Single(diff.Stack);
        Assert.Equal("policy.rules.no-wildcard-hosts", change.Field);
        Assert.Null(change.Old);
        Assert.Equal("disabled", change.New);
        Assert.Contains("no longer runs", change.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleRaisedToMandatory_IsAChangeWithoutAWarning()
    {
        var diff = EgressDifferTests.Compare(Dev, WithPolicy("    rules:\n      owner-and-reason: mandatory\n"));

        var change = Assert.Single(diff.Stack);
        Assert.Equal("policy.rules.owner-and-reason", change.Field);
        Assert.Equal("mandatory", change.New);
        Assert.Null(change.Why);
        Assert.DoesNotContain("why it matters", DiffText.Write(diff), StringComparison.Ordinal);
    }

    [Fact]
    public void RuleRenamedFromIdToCode_IsNotAChange()
    {
        var code = ProfileRules.Find("owner-and-reason")!.Descriptor.Code;

        var diff = EgressDifferTests.Compare(
            WithPolicy("    rules:\n      owner-and-reason: mandatory\n"),
            WithPolicy($"    rules:\n      {code}: mandatory\n"));

        Assert.True(diff.IsEmpty);
    }

    [Fact]
    public void PrefixLimitWidened_SaysWhyItMatters()
    {
        var diff = EgressDifferTests.Compare(Dev, WithPolicy("    maxIpv4Prefix: 16\n"));

        var change = Assert.Single(diff.Stack);
        Assert.Equal("policy.maxIpv4Prefix", change.Field);
        Assert.Null(change.Old);
        Assert.Equal("16", change.New);
        Assert.Contains("as broad as /16 (was /24)", change.Why, StringComparison.Ordinal);
        Assert.Contains("  policy.maxIpv4Prefix: (unset) -> 16\n    why it matters:", DiffText.Write(diff), StringComparison.Ordinal);
    }

    [Fact]
    public void PrefixLimitNarrowed_IsAChangeWithoutAWarning()
    {
        var diff = EgressDifferTests.Compare(WithPolicy("    maxIpv6Prefix: 64\n"), WithPolicy("    maxIpv6Prefix: 96\n"));

        var change = Assert.Single(diff.Stack);
        Assert.Equal("policy.maxIpv6Prefix", change.Field);
        Assert.Equal("64", change.Old);
        Assert.Equal("96", change.New);
        Assert.Null(change.Why);
    }

    [Fact]
    public void ProbeDisabled_SaysWhyItMatters()
    {
        var diff = EgressDifferTests.Compare(Dev, WithProbe("    enabled: false\n"));

        var change = Assert.Single(diff.Stack);
        Assert.Equal("probe.enabled", change.Field);
        Assert.Equal("true", change.Old);
        Assert.Equal("false", change.New);
        Assert.NotNull(change.Why);
        Assert.Contains("**why it matters:** the post-deploy probe no longer checks", DiffMarkdown.Write(diff), StringComparison.Ordinal);
    }

    [Fact]
    public void ProbeAdded_IsEnabledWithoutAWarning()
    {
        var withoutProbe = Dev.Replace("  egress-infra:probe:\n    enabled: true\n", string.Empty, StringComparison.Ordinal);
        Assert.NotEqual(Dev, withoutProbe);

        var diff = EgressDifferTests.Compare(withoutProbe, Dev);

        var change = Assert.Single(diff.Stack);
        Assert.Equal("probe.enabled", change.Field);
        Assert.Equal("false", change.Old);
        Assert.Equal("true", change.New);
        Assert.Null(change.Why);
    }

    [Fact]
    public void ProbeImageChanged_IsShownOldToNew()
    {
        var diff = EgressDifferTests.Compare(Dev, WithProbe("    enabled: true\n    image: registry.example.com/tools/curl:8.12.0\n"));

        var change = Assert.Single(diff.Stack);
        Assert.Equal("probe.image", change.Field);
        Assert.Equal(ProbeConfig.DefaultImage, change.Old);
        Assert.Equal("registry.example.com/tools/curl:8.12.0", change.New);
        Assert.Null(change.Why);
        Assert.Contains($"  probe.image: {ProbeConfig.DefaultImage} -> registry.example.com/tools/curl:8.12.0\n", DiffText.Write(diff), StringComparison.Ordinal);
    }

    [Fact]
    public void UnchangedPolicyAndProbe_YieldNoSuchLines()
    {
        var stack = WithPolicy("    rules:\n      owner-and-reason: mandatory\n      no-wildcard-hosts: disabled\n    maxIpv4Prefix: 28\n    maxIpv6Prefix: 96\n");
        var withNamespace = stack.Replace("    namespaces:\n      - sandbox\n", "    namespaces:\n      - sandbox\n      - orders\n", StringComparison.Ordinal);
        Assert.NotEqual(stack, withNamespace);

        Assert.True(EgressDifferTests.Compare(stack, stack).IsEmpty);
        var diff = EgressDifferTests.Compare(stack, withNamespace);
        Assert.Equal("namespaces", Assert.Single(diff.Stack).Field);
        var text = DiffText.Write(diff);
        Assert.DoesNotContain("policy.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("probe.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("why it matters", DiffMarkdown.Write(diff), StringComparison.Ordinal);
    }
}
