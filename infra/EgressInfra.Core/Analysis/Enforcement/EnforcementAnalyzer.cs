using EgressInfra.Core.Analysis.Enforcement.Rules;

namespace EgressInfra.Core.Analysis.Enforcement;

/// <summary>
/// Runs the cross-object rules over a set of objects. The analysis rules find what breaks traffic
/// (Istio admits all of it); the restrictive rules find what leaves an egress path unguarded.
/// </summary>
public static class EnforcementAnalyzer
{
    public static IReadOnlyList<IEnforcementRule> AnalysisRules { get; } =
    [
        new GatewayReferenceRule(), new SubsetReferenceRule(), new ConflictingGatewaysRule(), new PolicyTargetRule(),
        new DoubleTlsRule(), new GatewaySubsetMtlsRule(), new NetworkPolicyDnsRule(),
    ];

    public static IReadOnlyList<IEnforcementRule> RestrictiveRules { get; } = [new EgressPolicyRule(), new AllowEmptyRuleRule()];

    /// <param name="restrictive">Also apply the restrictive profile's enforcement rules.</param>
    public static IReadOnlyList<ObjectFinding> Analyze(ObjectSet set, bool restrictive)
    {
        ArgumentNullException.ThrowIfNull(set);
        var rules = restrictive ? [.. AnalysisRules, .. RestrictiveRules] : AnalysisRules;
        return [.. rules.SelectMany(r => r.Analyze(set))];
    }
}
