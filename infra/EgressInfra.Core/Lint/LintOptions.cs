namespace EgressInfra.Core.Lint;

/// <summary>How strictly lint judges what Istio itself admits.</summary>
/// <param name="RaiseToErrors">
/// <c>--strict</c>: every warning is an error. Without it, a finding is an error only where Istio would
/// reject the resource (API server or webhook) or where the profile makes a rule mandatory.
/// </param>
/// <param name="ApplyRestrictiveRules">
/// <c>--profile restrictive</c>: the restrictive profile's per-entry rules (package sources, cleartext
/// HTTP, open ports, SNI spoofing, broad ranges, wildcards, catch-alls…) judge every ServiceEntry read,
/// as errors, the way `check` judges a production stack.
/// </param>
/// <param name="EnforcementRules">
/// Apply the restrictive profile's rules for hand-written enforcement setups (EGR490, EGR491): every
/// egress path guarded by an AuthorizationPolicy, no ALLOW policy with an empty rule.
/// </param>
public sealed record LintOptions(bool RaiseToErrors = false, bool ApplyRestrictiveRules = false, bool EnforcementRules = false)
{
    public const string PermissiveProfile = "permissive";

    public const string RestrictiveProfile = "restrictive";

    public static LintOptions Default { get; } = new();

    public static IReadOnlyList<string> Profiles { get; } = [PermissiveProfile, RestrictiveProfile];

    /// <summary>The options for a profile name, or null when the name is not a profile.</summary>
    public static LintOptions? ForProfile(string profile, bool strict = false) => profile switch
    {
        PermissiveProfile => new LintOptions(RaiseToErrors: strict),
        RestrictiveProfile => new LintOptions(RaiseToErrors: strict, ApplyRestrictiveRules: true, EnforcementRules: true),
        _ => null,
    };
}
