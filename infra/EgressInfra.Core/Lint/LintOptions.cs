namespace EgressInfra.Core.Lint;

/// <summary>How strictly lint judges what Istio itself admits.</summary>
/// <param name="RaiseToErrors">
/// False: a finding is an error only where Istio would reject the resource (API server or webhook);
/// analysis findings are at most warnings. True (the restrictive profile): every warning is an error.
/// </param>
/// <param name="EnforcementRules">
/// Apply the restrictive profile's rules for hand-written enforcement setups (EGR490, EGR491): every
/// egress path guarded by an AuthorizationPolicy, no ALLOW policy with an empty rule.
/// </param>
public sealed record LintOptions(bool RaiseToErrors = false, bool EnforcementRules = false)
{
    public const string PermissiveProfile = "permissive";

    public const string RestrictiveProfile = "restrictive";

    public static LintOptions Default { get; } = new();

    public static IReadOnlyList<string> Profiles { get; } = [PermissiveProfile, RestrictiveProfile];

    /// <summary>The options for a profile name, or null when the name is not a profile.</summary>
    public static LintOptions? ForProfile(string profile) => profile switch
    {
        PermissiveProfile => Default,
        RestrictiveProfile => new LintOptions(RaiseToErrors: true, EnforcementRules: true),
        _ => null,
    };
}
