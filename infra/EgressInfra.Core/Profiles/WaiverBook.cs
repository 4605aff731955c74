using EgressInfra.Core.Config;
using EgressInfra.Core.Config.Binding;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Profiles.Rules;

namespace EgressInfra.Core.Profiles;

/// <summary>
/// The stack's waivers, checked against the rules, the services and today's date. Only valid,
/// unexpired waivers can lift a finding; every other one is an error.
/// </summary>
public sealed class WaiverBook
{
    private readonly List<ActiveWaiver> _active;
    private readonly Dictionary<string, string?> _presetOf;

    private WaiverBook(List<ActiveWaiver> active, Dictionary<string, string?> presetOf)
    {
        _active = active;
        _presetOf = presetOf;
    }

    public IReadOnlyList<ActiveWaiver> Active => _active;

    public static WaiverBook Open(StackConfig config, DateOnly today, ICollection<Diagnostic> diagnostics)
    {
        var subjects = config.Egress.Services.Select(s => s.Name)
            .Concat(config.Egress.Presets.Select(p => p.Name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var active = new List<ActiveWaiver>();
        foreach (var waiver in config.Policy.Waivers)
        {
            var path = waiver.SourcePath;
            var rule = ProfileRules.Find(waiver.Rule);
            var usable = true;
            if (rule is null)
            {
                diagnostics.Add(EffectivePolicy.UnknownRule($"{path}.rule", waiver.Rule));
                usable = false;
            }
            else if (!rule.IsPerService)
            {
                diagnostics.Add(PolicyCodes.WaiverNotPerService.Create($"{path}.rule", $"{rule.Id} ({rule.Descriptor.Code}) is about the whole stack and cannot be waived for '{waiver.Service}'"));
                usable = false;
            }

            if (!subjects.Contains(waiver.Service, StringComparer.Ordinal))
            {
                var suggestion = KeySuggester.Suggest(waiver.Service, subjects);
                diagnostics.Add(PolicyCodes.WaiverUnknownService.Create(
                    $"{path}.service",
                    $"the stack has no service or preset named '{waiver.Service}'",
                    suggestion is null ? null : $"Did you mean '{suggestion}'?"));
                usable = false;
            }

            if (today > waiver.Expires)
            {
                var ago = today.DayNumber - waiver.Expires.DayNumber;
                diagnostics.Add(PolicyCodes.WaiverExpired.Create(
                    $"{path}.expires",
                    $"the waiver of {rule?.Id ?? waiver.Rule} for '{waiver.Service}' expired on {waiver.Expires:yyyy-MM-dd} ({Days(ago)} ago); the rule applies again"));
                usable = false;
            }

            if (usable && rule is not null)
            {
                active.Add(new ActiveWaiver(waiver, rule));
            }
        }

        var presetOf = config.Egress.Services.ToDictionary(s => s.Name, s => s.Preset, StringComparer.Ordinal);
        return new WaiverBook(active, presetOf);
    }

    /// <summary>The active waiver that lifts <paramref name="finding"/> of <paramref name="rule"/>, or null.</summary>
    public ActiveWaiver? Match(IProfileRule rule, RuleFinding finding)
    {
        var match = _active.FirstOrDefault(w => w.Rule.Id == rule.Id && Covers(w.Waiver.Service, finding));
        if (match is not null)
        {
            match.Uses++;
        }

        return match;
    }

    /// <summary>
    /// A waiver names a service or a listed preset. A finding about one service is covered by that
    /// service's name or its preset's; a finding about a preset as a whole (Service null) also by the
    /// name of any service the preset expands to.
    /// </summary>
    private bool Covers(string subject, RuleFinding finding)
    {
        if (finding.Service is not null && subject == finding.Service)
        {
            return true;
        }

        if (finding.Preset is null)
        {
            return false;
        }

        return subject == finding.Preset
            || (finding.Service is null && _presetOf.TryGetValue(subject, out var preset) && preset == finding.Preset);
    }

    public static string Days(int n) => n == 1 ? "1 day" : $"{n} days";

    /// <summary>A waiver that passed every check, and how many findings it lifted.</summary>
    public sealed class ActiveWaiver(PolicyWaiver waiver, IProfileRule rule)
    {
        public PolicyWaiver Waiver { get; } = waiver;

        public IProfileRule Rule { get; } = rule;

        public int Uses { get; set; }
    }
}
