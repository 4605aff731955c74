using EgressInfra.Core.Config;
using EgressInfra.Core.Profiles;
using EgressInfra.Core.Profiles.Rules;

namespace EgressInfra.Core.Diff;

/// <summary>
/// A stack's <c>policy</c> settings (rule levels and prefix limits, waivers aside) as written, and what
/// its profile would put in force where a setting is left out, so that a diff can tell a loosening.
/// </summary>
/// <param name="Rules">Level per rule as written in <c>policy.rules</c>, keyed by rule id (a code is
/// mapped to its id, so renaming <c>EGR303</c> to <c>no-wildcard-hosts</c> is not a change).</param>
/// <param name="ProfileLevels">The profile's level per rule id; empty when the profile is unknown.</param>
/// <param name="ProfileParameters">The profile's prefix limits, or null when the profile is unknown.</param>
public sealed record PolicySnapshot(
    IReadOnlyDictionary<string, EnforcementLevel> Rules,
    IReadOnlyDictionary<string, EnforcementLevel> ProfileLevels,
    int? MaxIpv4Prefix,
    int? MaxIpv6Prefix,
    ProfileParameters? ProfileParameters)
{
    public static PolicySnapshot From(StackConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var rules = new SortedDictionary<string, EnforcementLevel>(StringComparer.Ordinal);
        foreach (var setting in config.Policy.Rules)
        {
            // The first setting of a rule is the one in force, as in EffectivePolicy; a later one is an error.
            rules.TryAdd(ProfileRules.Find(setting.Rule)?.Id ?? setting.Rule, setting.Level);
        }

        var profile = ProfileCatalog.Shipped.Find(config.Profile);
        return new PolicySnapshot(
            rules,
            profile is null ? new Dictionary<string, EnforcementLevel>() : profile.Levels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal),
            config.Policy.MaxIpv4Prefix,
            config.Policy.MaxIpv6Prefix,
            profile?.Parameters);
    }

    /// <summary>The level <paramref name="ruleId"/> runs at: as written, else the profile's; null when neither is known.</summary>
    public EnforcementLevel? LevelOf(string ruleId) =>
        Rules.TryGetValue(ruleId, out var level) ? level
        : ProfileLevels.TryGetValue(ruleId, out var profileLevel) ? profileLevel
        : null;

    /// <summary>The IPv4 prefix limit in force: as written, else the profile's.</summary>
    public int? EffectiveMaxIpv4Prefix => MaxIpv4Prefix ?? ProfileParameters?.MaxIpv4Prefix;

    /// <summary>The IPv6 prefix limit in force: as written, else the profile's.</summary>
    public int? EffectiveMaxIpv6Prefix => MaxIpv6Prefix ?? ProfileParameters?.MaxIpv6Prefix;
}
