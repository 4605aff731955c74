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
        CheckWaiverLength(config, policy, today, diagnostics);
        var waivedBy = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);

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
                if (waiver is not null && (finding.Service ?? finding.Preset) is { } subject)
                {
                    if (!waivedBy.TryGetValue(subject, out var paths))
                    {
                        waivedBy[subject] = paths = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    paths.Add(waiver.Waiver.SourcePath);
                }

                diagnostics.Add(waiver is null
                    ? rule.Descriptor.Create(finding.Path, finding.Message, severity: SeverityOf(level))
                    : rule.Descriptor.Create(finding.Path, $"{finding.Message} (waived until {waiver.Waiver.Expires:yyyy-MM-dd} by {waiver.Waiver.SourcePath})", severity: Severity.Info));
            }
        }

        diagnostics.AddRange(CatchAllsLeftByWaivers(config, policy, waivedBy));
        foreach (var waiver in waivers.Active)
        {
            diagnostics.Add(Report(waiver, policy, config.Environment, today));
        }

        return diagnostics;
    }

    /// <summary>
    /// No waiver, alone or with others, may leave a restrictive stack with a service that reaches any
    /// destination on some port. Not itself waivable: it is reported at the waivers that did it.
    /// </summary>
    private static IEnumerable<Diagnostic> CatchAllsLeftByWaivers(StackConfig config, EffectivePolicy policy, Dictionary<string, SortedSet<string>> waivedBy)
    {
        if (policy.Profile.Name != "restrictive" && policy.Floor is null)
        {
            yield break;
        }

        foreach (var service in config.Egress.Services)
        {
            var paths = new SortedSet<string>(StringComparer.Ordinal);
            if (waivedBy.TryGetValue(service.Name, out var byName))
            {
                paths.UnionWith(byName);
            }

            if (service.Preset is not null && waivedBy.TryGetValue(service.Preset, out var byPreset))
            {
                paths.UnionWith(byPreset);
            }

            if (paths.Count == 0 || CatchAllServices.Why(service) is not { } why)
            {
                continue;
            }

            foreach (var path in paths)
            {
                yield return PolicyCodes.WaiversOpenCatchAll.Create(
                    path,
                    $"with {(paths.Count == 1 ? "this waiver" : $"the waivers {string.Join(", ", paths)}")}, '{service.Name}' ({service.SourcePath}) reaches any destination: {why}; a {config.Environment.Name()} stack may not have a catch-all, waived or not");
            }
        }
    }

    private static void CheckWaiverLength(StackConfig config, EffectivePolicy policy, DateOnly today, List<Diagnostic> diagnostics)
    {
        if (policy.Parameters.MaxWaiverDays is not { } most)
        {
            return;
        }

        foreach (var waiver in config.Policy.Waivers)
        {
            var days = waiver.Expires.DayNumber - today.DayNumber;
            if (days > most)
            {
                diagnostics.Add(PolicyCodes.WaiverTooLong.Create(
                    $"{waiver.SourcePath}.expires",
                    $"the waiver runs until {waiver.Expires:yyyy-MM-dd}, {WaiverBook.Days(days)} from today; the {policy.Profile.Name} profile allows at most {WaiverBook.Days(most)} (maxWaiverDays): the last allowed day is {today.AddDays(most):yyyy-MM-dd}"));
            }
        }
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
