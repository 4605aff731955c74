namespace EgressInfra.Core.Probe;

/// <summary>One attempt the probe makes, and what it must observe.</summary>
/// <param name="Host">The host connected to (for <see cref="ProbeMethod.SpoofedHostHeader"/>, the spoofed address).</param>
/// <param name="Protocol">The Istio protocol of the port tried, e.g. <c>TLS</c>.</param>
/// <param name="Description">One line for the probe's log, e.g. <c>allow api.stripe.com:443/TLS</c>.</param>
/// <param name="HostHeader">The Host header sent, for <see cref="ProbeMethod.SpoofedHostHeader"/>; the
/// SNI name sent, for <see cref="ProbeMethod.SpoofedSni"/>.</param>
/// <param name="ServiceHost">The declared host whose proxy cluster (<c>outbound|port||host</c>) counts the
/// check's upstream connections, when <see cref="Host"/> is an address (resolution NONE).</param>
public sealed record ProbeCheck(
    ProbeCheckKind Kind,
    ProbeMethod Method,
    string Host,
    long Port,
    string Protocol,
    string Description,
    string? HostHeader = null,
    string? ServiceHost = null)
{
    public ProbeOutcome Expected => Kind == ProbeCheckKind.Allow ? ProbeOutcome.Reached : ProbeOutcome.Blocked;
}
