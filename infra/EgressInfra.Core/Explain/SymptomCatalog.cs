using EgressInfra.Core.Config;

namespace EgressInfra.Core.Explain;

/// <summary>
/// What pods see when egress is missing or wrong, by how the sidecar handles the port. The texts are
/// the symptoms operators report (docs/explain.md lists them as F1..F15), so that a search for the
/// error message a pod prints leads here.
/// </summary>
public static class SymptomCatalog
{
    /// <summary>Nothing routes the destination and the outbound policy is REGISTRY_ONLY: BlackHoleCluster.</summary>
    public static Symptom NoRoute(ServiceProtocol protocol, int port) => ProtocolFamilies.Of(protocol) switch
    {
        ProtocolFamily.Http => new(
            "HTTP 502 Bad Gateway answered by the sidecar itself (`server: envoy`); older Istio releases answer 404 instead",
            "access log: upstream cluster BlackHoleCluster, or response flag NR (no route) when another entry gives the port an HTTP listener",
            ["F1"]),
        ProtocolFamily.Tls => new(
            "the connection is reset during the TLS handshake: `curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL`, `Connection reset by peer`",
            "access log: upstream cluster BlackHoleCluster",
            ["F1"]),
        _ when ProtocolFamilies.IsServerFirst(protocol, port) => new(
            "the client waits for the server's greeting and gets a closed connection instead; clients with long timeouts look hung",
            "access log: upstream cluster BlackHoleCluster",
            ["F1", "F13"]),
        _ => new(
            "the TCP connection opens (the sidecar accepts it) and is reset before any byte comes back: `Connection reset by peer`",
            "access log: upstream cluster BlackHoleCluster",
            ["F1"]),
    };

    /// <summary>The namespace has no Sidecar of this stack: the mesh-wide default decides.</summary>
    public static Symptom NotGoverned(ServiceProtocol protocol, int port)
    {
        var denied = NoRoute(protocol, port);
        return denied with
        {
            Observed = $"depends on the mesh-wide outboundTrafficPolicy: under REGISTRY_ONLY, {denied.Observed}; under ALLOW_ANY the traffic passes (PassthroughCluster), ungoverned",
            FailureModes = [.. denied.FailureModes, "F11"],
        };
    }

    /// <summary>The client speaks <paramref name="asked"/> to a port declared <paramref name="declared"/>; null when that works.</summary>
    public static Symptom? Mismatch(ServiceProtocol declared, ServiceProtocol asked, int port)
    {
        var from = ProtocolFamilies.Of(declared);
        var to = ProtocolFamilies.Of(asked);
        if (from == to || from == ProtocolFamily.Tcp)
        {
            return null;
        }

        return (from, to) switch
        {
            // istiod's HTTP_PROXY chain takes every connection on the port; the other HTTP protocols'
            // chains match only plaintext HTTP, so TLS falls to the listener's default chain
            // (listener.go buildSidecarOutboundListener, as EGR202 says).
            (ProtocolFamily.Http, ProtocolFamily.Tls) when declared == ServiceProtocol.HttpProxy => new(
                "the TLS handshake fails with `wrong version number` or `SSL23_GET_SERVER_HELLO:unknown protocol`: the port's HTTP_PROXY chain takes every connection and reads the ClientHello as HTTP; every TLS client of this port in the namespace breaks, not only this host",
                $"the sidecar has an HTTP listener 0.0.0.0_{port}",
                ["F2"]),
            (ProtocolFamily.Http, ProtocolFamily.Tls) => new(
                "the connection is reset during the TLS handshake (`SSL_ERROR_SYSCALL`, `Connection reset by peer`): the port's HTTP chain matches only plaintext HTTP, so TLS takes the listener's default chain, BlackHoleCluster under REGISTRY_ONLY (under ALLOW_ANY, PassthroughCluster lets it out ungoverned)",
                $"the sidecar has an HTTP listener 0.0.0.0_{port}; access log: upstream cluster BlackHoleCluster",
                ["F2"]),
            (ProtocolFamily.Http, _) when ProtocolFamilies.IsServerFirst(asked, port) => new(
                "the connection hangs: the HTTP listener waits for a request while the client waits for the server's greeting",
                $"the sidecar has an HTTP listener 0.0.0.0_{port}",
                ["F13"]),
            (ProtocolFamily.Http, _) => new(
                "the client's bytes are parsed as HTTP: envoy answers `400 Bad Request` or closes the connection",
                $"the sidecar has an HTTP listener 0.0.0.0_{port}",
                ["F13"]),
            (ProtocolFamily.Tls, ProtocolFamily.Http) => new(
                "plain HTTP carries no SNI, so no filter chain of the TLS port matches: the connection is closed without a response (`curl: (52) Empty reply from server`) or reset",
                "access log: upstream cluster BlackHoleCluster",
                ["F1", "F2"]),
            (ProtocolFamily.Tls, _) => new(
                "the client sends no TLS ClientHello, so there is no SNI to match: the connection is reset",
                "access log: upstream cluster BlackHoleCluster",
                ["F1", "F3"]),
            _ => new(
                $"the port is declared {declared.Name()} but the client speaks {asked.Name()}: the sidecar does not carry it",
                null,
                ["F15"]),
        };
    }

    /// <summary>
    /// An opaque TCP entry without addresses owns the port and sends everything to its own host.
    /// <paramref name="ownerProtocol"/> is the owner's declared protocol: a Mongo, Redis or MySQL
    /// owner is a TCP chain too (as EGR203 says), but its server need not answer TLS at all.
    /// </summary>
    public static Symptom WrongUpstream(ServiceProtocol protocol, string host, string owner, int port, ServiceProtocol ownerProtocol = ServiceProtocol.Tcp) => ProtocolFamilies.Of(protocol) switch
    {
        ProtocolFamily.Tls when ownerProtocol is ServiceProtocol.Mongo or ServiceProtocol.Redis or ServiceProtocol.MySql => new(
            $"the connection reaches {owner} ({ownerProtocol.Name()}) instead of {host}: the TLS handshake fails, or, if that server answers TLS, the client gets its certificate (`certificate is not valid for {host}`)",
            $"the sidecar has one TCP listener 0.0.0.0_{port} for every destination",
            ["F3", "F4"]),
        ProtocolFamily.Tls => new(
            $"the connection reaches {owner} instead of {host}: the client gets {owner}'s certificate (`certificate is not valid for {host}`, hostname mismatch)",
            $"the sidecar has one TCP listener 0.0.0.0_{port} for every destination",
            ["F3", "F4"]),
        ProtocolFamily.Http => new(
            $"requests to {host} are delivered to {owner}: wrong responses, 404s or `Host` errors from a server that is not {host}",
            $"the sidecar has one TCP listener 0.0.0.0_{port} for every destination",
            ["F3", "F4"]),
        _ => new(
            $"the connection reaches {owner} instead of {host}: the client talks to the wrong server (wrong database, failed logins)",
            $"the sidecar has one TCP listener 0.0.0.0_{port} for every destination; only one such entry per port wins",
            ["F4"]),
    };
}
