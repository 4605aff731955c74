using EgressInfra.Core.Config;
using EgressInfra.Core.Config.Binding;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Profiles.Rules;

namespace EgressInfra.Core.Profiles;

/// <summary>
/// The levels and parameters in force for one stack: its profile, tuned by its <c>policy</c> key,
/// held at its environment's floor. A setting the floor refuses is reported and ignored, so that the
/// findings shown are the ones the floor enforces.
/// </summary>
public sealed record EffectivePolicy(Profile Profile, Profile? Floor, IReadOnlyDictionary<string, EnforcementLevel> Levels, ProfileParameters Parameters)
{
    public EnforcementLevel LevelOf(IProfileRule rule) =>
        Levels.TryGetValue(rule.Id, out var level) ? level : EnforcementLevel.Disabled;

    public static EffectivePolicy Resolve(StackConfig config, ProfileCatalog catalog, ICollection<Diagnostic> diagnostics)
    {
        var floorEnvironment = config.FloorEnvironment > config.Environment ? config.FloorEnvironment : config.Environment;
        var environment = floorEnvironment.Name();
        var floor = catalog.FloorFor(floorEnvironment);
        var fallback = floor ?? catalog.Find(StackConfigBinder.DefaultProfile(config.Environment)) ?? catalog.Profiles[0];
        var profile = catalog.Find(config.Profile);
        if (profile is null)
        {
            var names = catalog.Profiles.Select(p => p.Name).ToList();
            var suggestion = KeySuggester.Suggest(config.Profile, names);
            diagnostics.Add(PolicyCodes.UnknownProfile.Create(
                "profile",
                $"'{config.Profile}' is not a profile; checking as {fallback.Name}",
                suggestion is null ? $"Use one of: {string.Join(", ", names)}." : $"Did you mean '{suggestion}'? Profiles: {string.Join(", ", names)}."));
            profile = fallback;
        }
        else if (floor is not null && profile.ShortfallsAgainst(floor) is { Count: > 0 } shortfalls)
        {
            diagnostics.Add(PolicyCodes.ProfileBelowFloor.Create(
                "profile",
                $"{environment} stacks run at least the {floor.Name} profile, but '{profile.Name}' is weaker ({string.Join("; ", shortfalls)}); checking as {floor.Name}"));
            profile = floor;
        }

        var levels = profile.Levels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
        var setBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var setting in config.Policy.Rules)
        {
            var rule = ProfileRules.Find(setting.Rule);
            if (rule is null)
            {
                diagnostics.Add(UnknownRule(setting.SourcePath, setting.Rule));
                continue;
            }

            if (setBy.TryGetValue(rule.Id, out var firstPath))
            {
                diagnostics.Add(ConfigCodes.DuplicateName.Create(setting.SourcePath, $"{firstPath} already sets the rule {rule.Id} ({rule.Descriptor.Code})", "Set each rule once, by id or by code."));
                continue;
            }

            setBy.Add(rule.Id, setting.SourcePath);
            if (floor is not null && floor.Level(rule.Id) == EnforcementLevel.Mandatory && setting.Level != EnforcementLevel.Mandatory)
            {
                diagnostics.Add(PolicyCodes.RuleBelowFloor.Create(
                    setting.SourcePath,
                    $"{rule.Id} ({rule.Descriptor.Code}) is mandatory in {environment} stacks ({floor.Name} floor) and cannot be {setting.Level.Name()}; it stays mandatory"));
                continue;
            }

            levels[rule.Id] = setting.Level;
        }

        var parameters = profile.Parameters;
        if (config.Policy.MaxIpv4Prefix is { } ipv4)
        {
            parameters = CheckPrefix(floor, environment, "policy.maxIpv4Prefix", ipv4, floor?.Parameters.MaxIpv4Prefix, diagnostics)
                ? parameters with { MaxIpv4Prefix = ipv4 }
                : parameters;
        }

        if (config.Policy.MaxIpv6Prefix is { } ipv6)
        {
            parameters = CheckPrefix(floor, environment, "policy.maxIpv6Prefix", ipv6, floor?.Parameters.MaxIpv6Prefix, diagnostics)
                ? parameters with { MaxIpv6Prefix = ipv6 }
                : parameters;
        }

        return new EffectivePolicy(profile, floor, levels, parameters);
    }

    public static Diagnostic UnknownRule(string path, string name)
    {
        var known = ProfileRules.All.Select(r => r.Id).ToList();
        var suggestion = KeySuggester.Suggest(name, known);
        return PolicyCodes.UnknownRule.Create(
            path,
            $"'{name}' is not a rule",
            suggestion is null ? $"Rules: {string.Join(", ", known)} (or their codes EGR301–EGR316)." : $"Did you mean '{suggestion}'?");
    }

    private static bool CheckPrefix(Profile? floor, string environment, string path, int value, int? floorValue, ICollection<Diagnostic> diagnostics)
    {
        if (floor is null || floorValue is null || value >= floorValue)
        {
            return true;
        }

        diagnostics.Add(PolicyCodes.RuleBelowFloor.Create(
            path,
            $"/{value} is broader than the /{floorValue} that {environment} stacks allow ({floor.Name} floor); /{floorValue} stays in force",
            "Remove the setting, or waive address-prefix-limit for the one service that needs a broader range."));
        return false;
    }
}
