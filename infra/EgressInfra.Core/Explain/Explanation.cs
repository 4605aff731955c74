using EgressInfra.Core.Changes;
using EgressInfra.Core.Config;

namespace EgressInfra.Core.Explain;

/// <summary>The answer to an <see cref="ExplainQuery"/>, from the stack's model alone.</summary>
/// <param name="Protocol">The protocol the answer assumes: asked, declared by the port, or guessed.</param>
/// <param name="ProtocolSource">Where <paramref name="Protocol"/> came from: "asked", "declared" or "assumed (...)".</param>
/// <param name="Reason">Why, in one sentence.</param>
/// <param name="Match">The entry that carries (or nearly carries) the traffic.</param>
/// <param name="Symptom">What a pod sees when the traffic is denied or broken; null when allowed.</param>
/// <param name="Notes">Caveats: risks of the match, what would differ under another outbound policy.</param>
/// <param name="Change">The smallest change that would allow the destination, when there is one.</param>
/// <param name="Acceptance">Whether the stack, with <paramref name="Change"/> applied, still evaluates without errors.</param>
public sealed record Explanation(
    ExplainQuery Query,
    ServiceProtocol Protocol,
    string ProtocolSource,
    ExplainOutcome Outcome,
    string Reason,
    EntryMatch? Match,
    Symptom? Symptom,
    IReadOnlyList<string> Notes,
    string Profile,
    OutboundTrafficPolicy OutboundPolicy,
    SuggestedChange? Change = null,
    ChangeAcceptance? Acceptance = null)
{
    public bool Allowed => Outcome.IsAllowed();

    /// <summary>The stack's egress mode (<c>sidecar</c>, <c>gateway</c>, <c>ambient</c>): which path the answer follows.</summary>
    public string Mode { get; init; } = "sidecar";

    /// <summary>In ambient mode, the waypoint (<c>namespace/name</c>) the entries are bound to.</summary>
    public string? Waypoint { get; init; }

    /// <summary>The hops of an allowed connection beyond the sidecar (gateway mode); empty in sidecar mode.</summary>
    public IReadOnlyList<string> Via { get; init; } = [];

    /// <summary>The namespace's posture (observed, best-effort, enforced); null when it is not governed.</summary>
    public string? Posture { get; init; }
}
