using EgressInfra.Core.Collections;
using EgressInfra.Core.Config;

namespace EgressInfra.Core.Profiles;

/// <summary>A named set of rule levels and parameters (<c>restrictive</c>, <c>permissive</c>).</summary>
/// <param name="Levels">Level per rule id; every rule has one.</param>
public sealed record Profile(string Name, string Description, ValueMap<EnforcementLevel> Levels, ProfileParameters Parameters)
{
    public EnforcementLevel Level(string ruleId) =>
        Levels.TryGetValue(ruleId, out var level) ? level : EnforcementLevel.Disabled;

    /// <summary>
    /// The ways this profile is weaker than <paramref name="floor"/>: rules the floor makes mandatory that
    /// this profile does not, and looser parameters. Empty when it meets the floor.
    /// </summary>
    public IReadOnlyList<string> ShortfallsAgainst(Profile floor)
    {
        var shortfalls = floor.Levels
            .Where(l => l.Value == EnforcementLevel.Mandatory && Level(l.Key) != EnforcementLevel.Mandatory)
            .Select(l => $"{l.Key} is {Level(l.Key).Name()}")
            .ToList();
        if (Parameters.IsLooserThan(floor.Parameters))
        {
            shortfalls.Add("its address prefix limits are broader");
        }

        return shortfalls;
    }
}
