using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Tests.Profiles;

/// <summary>Waivers: one rule, one service, a reason and an expiry, judged by the injected clock.</summary>
public class WaiverTests
{
    private const string Wildcard = """
        - name: partner-api
          hosts: ["*.partner.example"]
          ports: [{ number: 443, protocol: TLS }]
          resolution: DYNAMIC_DNS
          owner: team-a
          reason: The partner rotates regional host names.
        """;

    private static string Waiver(string rule = "no-wildcard-hosts", string service = "partner-api", string expires = "2027-01-31") => $"""
        waivers:
          - rule: {rule}
            service: {service}
            reason: Partner is moving to fixed hosts (TICKET-42).
            expires: {expires}
        """;

    [Fact]
    public void ValidWaiver_InProd_LiftsTheFindingAndWarnsWaived()
    {
        var plan = PolicyStack.Check(services: Wildcard, policy: Waiver());

        Assert.False(plan.HasErrors, plan.Dump());
        Assert.NotNull(plan.Manifests);
        var lifted = PolicyAssert.Finding(plan, "EGR303", "egress.services[0].hosts[0]", Severity.Info);
        Assert.Contains("waived until 2027-01-31", lifted.Message, StringComparison.Ordinal);
        var waived = PolicyAssert.Finding(plan, "EGR333", "policy.waivers[0]", Severity.Warning);
        Assert.StartsWith("WAIVED:", waived.Message, StringComparison.Ordinal);
        Assert.Contains("68 days left", waived.Message, StringComparison.Ordinal);
        Assert.Contains("TICKET-42", waived.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WaiverByCode_Works()
    {
        var plan = PolicyStack.Check(services: Wildcard, policy: Waiver(rule: "EGR303"));

        Assert.False(plan.HasErrors, plan.Dump());
        PolicyAssert.Finding(plan, "EGR333", "policy.waivers[0]", Severity.Warning);
    }

    [Fact]
    public void Waiver_HoldsThroughItsExpiryDay()
    {
        var plan = PolicyStack.Check(services: Wildcard, policy: Waiver(), today: "2027-01-31");

        Assert.False(plan.HasErrors, plan.Dump());
        Assert.Contains("last day", plan.WithCode("EGR333").Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpiredWaiver_IsAnErrorAndTheRuleAppliesAgain()
    {
        var plan = PolicyStack.Check(services: Wildcard, policy: Waiver(), today: "2027-02-01");

        var expired = PolicyAssert.Finding(plan, "EGR330", "policy.waivers[0].expires");
        Assert.Contains("expired on 2027-01-31 (1 day ago)", expired.Message, StringComparison.Ordinal);
        PolicyAssert.Finding(plan, "EGR303", "egress.services[0].hosts[0]");
        PolicyAssert.NoFinding(plan, "EGR333");
    }

    [Fact]
    public void WaiverOfAnUnknownRule_IsAnError()
    {
        var plan = PolicyStack.Check(services: Wildcard, policy: Waiver(rule: "no-wildcards"));

        PolicyAssert.Finding(plan, "EGR322", "policy.waivers[0].rule");
    }

    [Fact]
    public void WaiverOfAnUnknownService_IsAnErrorWithASuggestion()
    {
        var plan = PolicyStack.Check(services: Wildcard, policy: Waiver(service: "partner-apl"));

        var finding = PolicyAssert.Finding(plan, "EGR331", "policy.waivers[0].service");
        Assert.Contains("'partner-api'", finding.Hint, StringComparison.Ordinal);
    }

    // registry-only is about the stack; no single service can be let out of it.
    [Fact]
    public void WaiverOfAStackRule_IsAnError()
    {
        var plan = PolicyStack.Check(services: Wildcard, policy: Waiver(rule: "registry-only"));

        PolicyAssert.Finding(plan, "EGR332", "policy.waivers[0].rule");
    }

    [Theory]
    [InlineData("rule")]
    [InlineData("service")]
    [InlineData("reason")]
    [InlineData("expires")]
    public void WaiverWithoutAField_IsAnError(string field)
    {
        var fields = new[] { "rule: no-wildcard-hosts", "service: partner-api", "reason: r", "expires: 2027-01-31" }
            .Where(f => !f.StartsWith(field + ":", StringComparison.Ordinal));
        var plan = PolicyStack.Check(services: Wildcard, policy: "waivers:\n  - { " + string.Join(", ", fields) + " }");

        PolicyAssert.Finding(plan, "EGR004", $"policy.waivers[0].{field}");
    }

    [Theory]
    [InlineData("next-month")]
    [InlineData("2027-02-30")]
    [InlineData("31.01.2027")]
    public void WaiverWithAnInvalidDate_IsAnError(string expires)
    {
        var plan = PolicyStack.Check(services: Wildcard, policy: Waiver(expires: expires));

        PolicyAssert.Finding(plan, "EGR005", "policy.waivers[0].expires");
    }

    [Fact]
    public void WaiverMatchingNoFinding_IsAWarning()
    {
        var plan = PolicyStack.Check(policy: Waiver(service: "stripe-api"));

        PolicyAssert.Finding(plan, "EGR335", "policy.waivers[0]", Severity.Warning);
        PolicyAssert.NoFinding(plan, "EGR333");
    }

    [Fact]
    public void SameWaiverTwice_IsAnError()
    {
        var twice = Waiver() + "\n  - { rule: no-wildcard-hosts, service: partner-api, reason: r, expires: 2027-01-31 }";
        var plan = PolicyStack.Check(services: Wildcard, policy: twice);

        PolicyAssert.Finding(plan, "EGR008", "policy.waivers[1]");
    }

    // A waiver may name a listed preset: it covers every service the preset expands to.
    [Fact]
    public void WaiverOfAPreset_LiftsItsFindings()
    {
        var plan = PolicyStack.Check(
            presets: "- { name: docker-hub, owner: team-a, reason: Pulls a scanner image at start-up. }",
            policy: Waiver(rule: "no-package-sources", service: "docker-hub"));

        Assert.False(plan.HasErrors, plan.Dump());
        PolicyAssert.Finding(plan, "EGR302", "egress.presets[0]", Severity.Info);
        PolicyAssert.Finding(plan, "EGR333", "policy.waivers[0]", Severity.Warning);
    }

    // The service a preset expands to names the preset too.
    [Fact]
    public void WaiverOfAPresetsService_LiftsThePresetsFindings()
    {
        var plan = PolicyStack.Check(
            presets: "- { name: docker-hub, owner: team-a, reason: Pulls a scanner image at start-up. }",
            policy: Waiver(rule: "no-package-sources", service: "preset-docker-hub"));

        Assert.False(plan.HasErrors, plan.Dump());
        PolicyAssert.Finding(plan, "EGR302", "egress.presets[0]", Severity.Info);
    }

    // One part of a preset does not cover another part's own findings.
    [Fact]
    public void WaiverOfOnePresetService_DoesNotCoverItsSibling()
    {
        var plan = PolicyStack.Check(
            presets: "- { name: apt, owner: team-a, reason: r }",
            policy: "rules: { no-package-sources: disabled }\n" + Waiver(rule: "no-cleartext-http", service: "preset-apt-debian"),
            environment: "dev",
            profile: "restrictive");

        Assert.Contains(plan.Errors, d => d.Code == "EGR306" && d.Message.Contains("preset-apt-ubuntu", StringComparison.Ordinal));
        Assert.Contains(plan.Diagnostics, d => d.Code == "EGR306" && d.Severity == Severity.Info && d.Message.Contains("preset-apt-debian", StringComparison.Ordinal));
    }

    // A waiver only covers its own service.
    [Fact]
    public void Waiver_DoesNotCoverOtherServices()
    {
        var other = Wildcard + "\n" + Wildcard.Replace("partner-api", "other-api", StringComparison.Ordinal).Replace("*.partner", "*.other", StringComparison.Ordinal);
        var plan = PolicyStack.Check(services: other, policy: Waiver());

        PolicyAssert.Finding(plan, "EGR303", "egress.services[1].hosts[0]");
        PolicyAssert.Finding(plan, "EGR303", "egress.services[0].hosts[0]", Severity.Info);
    }

    [Fact]
    public void WaiverOfAnAdvisoryRule_IsInformational()
    {
        var plan = PolicyStack.Check(environment: "dev", services: Wildcard, policy: Waiver());

        PolicyAssert.Finding(plan, "EGR334", "policy.waivers[0]", Severity.Info);
        PolicyAssert.Finding(plan, "EGR303", "egress.services[0].hosts[0]", Severity.Info);
        Assert.Empty(plan.Warnings);
    }
}
