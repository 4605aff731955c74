using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Presets;
using EgressInfra.Core.Profiles.Rules;

namespace EgressInfra.Core.Profiles;

/// <summary>
/// The pipeline's last stage: resolves the profile in force (profile, policy tuning, environment
/// floor), runs every rule that is not disabled, gives each finding its level's severity, and lets
/// valid waivers lift single findings. A mandatory rule waived is reported, loudly, every run.
/// </summary>
public static class PolicyStage
{
    public static IReadOnlyList<Diagnostic> Evaluate(StackConfig config, EgressManifests manifests, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(config);
        var diagnostics = new List<Diagnostic>();
        var policy = EffectivePolicy.Resolve(config, ProfileCatalog.Shipped, diagnostics);
        var waivers = WaiverBook.Open(config, today, diagnostics);
        var context = new RuleContext(config, manifests, policy.Parameters, PresetCatalog.Shipped, today);

        foreach (var rule in ProfileRules.All)
        {
            var level = policy.LevelOf(rule);
            if (level == EnforcementLevel.Disabled)
            {
                continue;
            }

            foreach (var finding in rule.Check(context))
            {
                var waiver = waivers.Match(rule, finding);
                diagnostics.Add(waiver is null
                    ? rule.Descriptor.Create(finding.Path, finding.Message, severity: SeverityOf(level))
                    : rule.Descriptor.Create(finding.Path, $"{finding.Message} (waived until {waiver.Waiver.Expires:yyyy-MM-dd} by {waiver.Waiver.SourcePath})", severity: Severity.Info));
            }
        }

        foreach (var waiver in waivers.Active)
        {
            diagnostics.Add(Report(waiver, policy, config.Environment, today));
        }

        return diagnostics;
    }

    public static Severity SeverityOf(EnforcementLevel level) =>
        level == EnforcementLevel.Mandatory ? Severity.Error : Severity.Warning;

    private static Diagnostic Report(WaiverBook.ActiveWaiver active, EffectivePolicy policy, DeploymentEnvironment environment, DateOnly today)
    {
        var waiver = active.Waiver;
        var rule = active.Rule;
        var left = waiver.Expires.DayNumber - today.DayNumber;
        var until = $"until {waiver.Expires:yyyy-MM-dd} ({(left == 0 ? "last day" : WaiverBook.Days(left) + " left")})";
        if (active.Uses == 0)
        {
            return PolicyCodes.WaiverUnused.Create(
                waiver.SourcePath,
                $"the waiver of {rule.Id} ({rule.Descriptor.Code}) for '{waiver.Service}' matches no finding");
        }

        var level = policy.LevelOf(rule);
        return level == EnforcementLevel.Mandatory
            ? PolicyCodes.MandatoryRuleWaived.Create(
                waiver.SourcePath,
                $"WAIVED: the mandatory rule {rule.Id} ({rule.Descriptor.Code}) is not enforced for '{waiver.Service}' in this {environment.Name()} stack {until}: {waiver.Reason}")
            : PolicyCodes.RuleWaived.Create(
                waiver.SourcePath,
                $"the {level.Name()} rule {rule.Id} ({rule.Descriptor.Code}) is waived for '{waiver.Service}' {until}: {waiver.Reason}");
    }
}
