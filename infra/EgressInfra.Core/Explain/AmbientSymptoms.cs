using EgressInfra.Core.Config;

namespace EgressInfra.Core.Explain;

/// <summary>
/// What pods in an ambient namespace see. The waypoint answers a denied request itself (Envoy's RBAC
/// filter); what ztunnel does not send to the waypoint goes straight out, where the NetworkPolicy drops
/// it without a reply. docs/explain.md lists these as A1..A3.
/// </summary>
public static class AmbientSymptoms
{
    /// <summary>The waypoint's AuthorizationPolicy refuses the caller.</summary>
    public static Symptom Denied(ServiceProtocol protocol) => ProtocolFamilies.Of(protocol) switch
    {
        ProtocolFamily.Http => new(
            "HTTP 403 Forbidden with the body `RBAC: access denied`, answered by the waypoint",
            "waypoint access log: response code 403, details rbac_access_denied_matched_policy[none]",
            ["A1"]),
        ProtocolFamily.Tls => new(
            "the connection opens and is reset during the TLS handshake once the waypoint's policy denies it: `curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL`, `Connection reset by peer`",
            "waypoint access log: connection termination details rbac_access_denied_matched_policy[none]",
            ["A1"]),
        _ => new(
            "the TCP connection opens (ztunnel accepts it) and is reset before any byte comes back: `Connection reset by peer`",
            "waypoint access log: connection termination details rbac_access_denied_matched_policy[none]",
            ["A1"]),
    };

    /// <summary>Nothing binds the destination to the waypoint, so ztunnel sends it out directly and the NetworkPolicy drops it.</summary>
    public static Symptom Dropped() => new(
        "the connection hangs until the client's connect timeout (`curl: (28) Failed to connect ... Connection timed out`): the NetworkPolicy drops it without a reply",
        "no waypoint log line; ztunnel's log shows the outbound connection to the original destination timing out",
        ["A2"]);

    /// <summary>A namespace this stack does not govern: no NetworkPolicy of its own, and the waypoint refuses it for declared hosts.</summary>
    public static Symptom NotGoverned(ServiceProtocol protocol) => Denied(protocol) with
    {
        Observed = $"for a host declared here the waypoint refuses callers outside the governed namespaces: {Denied(protocol).Observed}; any other host passes straight out, ungoverned",
        FailureModes = ["A1", "A3"],
    };
}
