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

    IEnumerable<RuleFinding> Check(RuleContext context);
}
