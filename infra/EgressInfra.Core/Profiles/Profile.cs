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
        // A loop, not Where + Select: LINQ's Select over a Where is a generic virtual call that the
        // Native AOT runtime resolves at its first use, tens of thousands of instructions at each start.
        var shortfalls = new List<string>();
        foreach (var (rule, level) in floor.Levels)
        {
            if (level == EnforcementLevel.Mandatory && Level(rule) != EnforcementLevel.Mandatory)
            {
                shortfalls.Add($"{rule} is {Level(rule).Name()}");
            }
        }
        if (Parameters.IsLooserThan(floor.Parameters))
        {
            shortfalls.Add("its address prefix limits are broader");
        }

        return shortfalls;
    }
}
