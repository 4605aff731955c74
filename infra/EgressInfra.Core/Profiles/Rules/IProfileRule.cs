using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>
/// One policy rule: a check on the stack's model with a stable id and code. Whether its findings are
/// errors, warnings or not reported is the profile's decision (profiles.yaml), not the rule's.
/// </summary>
public interface IProfileRule
{
    /// <summary>Stable id used in profiles.yaml, policy.rules and waivers: <c>no-wildcard-hosts</c>.</summary>
    string Id { get; }

    /// <summary>The code and text every finding of the rule carries.</summary>
    DiagnosticDescriptor Descriptor { get; }

    /// <summary>False for rules about the stack as a whole, which no per-service waiver can lift.</summary>
    bool IsPerService { get; }

    /// <summary>
    /// Analysis codes (EGR2xx) that say the same as this rule. On a stack the profile decides such a
    /// finding's level, so the analysis copy is dropped: a stack that waives or disables the rule is
    /// not warned about it again under another code. Lint, which has no stack profile, keeps them.
    /// </summary>
    IReadOnlyList<string> Supersedes => [];

    IEnumerable<RuleFinding> Check(RuleContext context);
}
