using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Analysis.Enforcement.Rules;

/// <summary>
/// Restrictive profile: an ALLOW policy with an empty rule (no from, to or when, or only empty ones)
/// matches every request, so it allows everything in its scope, which on an egress path means anyone.
/// </summary>
public sealed class AllowEmptyRuleRule : IEnforcementRule
{
    public IEnumerable<ObjectFinding> Analyze(ObjectSet objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        foreach (var (index, policy) in objects.Policies)
        {
            var spec = policy.Input.Spec;
            if (SpecNode.Text(spec, "action") is not ("" or "ALLOW"))
            {
                continue;
            }

            var rules = SpecNode.Items(spec, "rules");
            for (var i = 0; i < rules.Count; i++)
            {
                if (rules[i] is MappingNode rule && !SpecNode.NonEmpty(rule, "from") && !SpecNode.NonEmpty(rule, "to") && !SpecNode.NonEmpty(rule, "when"))
                {
                    yield return new ObjectFinding(index, EnforcementKindCodes.AllowEmptyRule.Create(
                        ConfigPath.Index("spec.rules", i), "this ALLOW rule is empty, so it matches every request: the policy allows everything in its scope"));
                }
            }
        }
    }
}
