using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Tests.Profiles.Rules;

public class PresetAddressesFreshRuleTests
{
    private const string GitHubSsh = "- { name: github-ssh, owner: team-a, reason: r }";

    // The shipped catalog verified GitHub's ranges on 2026-11-24; the limit is 90 days.
    [Fact]
    public void RangesOlderThan90Days_AreAWarningAtThePreset()
    {
        var plan = PolicyStack.Check(environment: "dev", presets: GitHubSsh, today: "2027-02-23");

        var finding = PolicyAssert.Finding(plan, "EGR310", "egress.presets[0]", Severity.Warning);
        Assert.Contains("91 days ago", finding.Message, StringComparison.Ordinal);
        Assert.Contains("api.github.com/meta", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RangesExactly90DaysOld_Pass()
    {
        PolicyAssert.NoFinding(PolicyStack.Check(environment: "dev", presets: GitHubSsh, today: "2027-02-22"), "EGR310");
    }

    // The level is the profile's: a stack may make it mandatory.
    [Fact]
    public void StaleRanges_MadeMandatory_AreAnError()
    {
        var plan = PolicyStack.Check(environment: "dev", presets: GitHubSsh, policy: "rules: { preset-addresses-fresh: mandatory }", today: "2027-06-01");

        PolicyAssert.Finding(plan, "EGR310", "egress.presets[0]");
    }

    [Fact]
    public void PresetWithoutAddresses_Passes()
    {
        PolicyAssert.NoFinding(PolicyStack.Check(environment: "dev", presets: "- { name: github, owner: team-a, reason: r }", today: "2030-01-01"), "EGR310");
    }
}
