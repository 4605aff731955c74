namespace EgressInfra.Core.Analysis;

/// <summary>
/// How a sidecar treats a port, from its protocol string as written (Istio's protocol families,
/// pkg/config/protocol). Unknown strings are judged by Istio's validation, not here.
/// </summary>
internal enum ProtocolFamily
{
    /// <summary>No protocol: the sidecar sniffs the first bytes the client sends.</summary>
    Unset,

    /// <summary>HTTP, HTTP2, HTTP_PROXY, GRPC, GRPC-Web: an HTTP connection manager routes by Host.</summary>
    Http,

    /// <summary>HTTPS and TLS: routed by SNI without terminating TLS.</summary>
    Tls,

    /// <summary>TCP: one opaque proxy per listener.</summary>
    Tcp,

    /// <summary>Mongo, Redis, MySQL: opaque TCP with a protocol-aware filter.</summary>
    Database,

    /// <summary>UDP (not proxied) or a value Istio rejects.</summary>
    Other,
}

internal static class ProtocolFamilies
{
    /// <summary>The compare key Istio's IST0177 uses: upper-cased, with unset as its own (empty) value.</summary>
    public static string Key(string? protocol) => string.IsNullOrEmpty(protocol) ? string.Empty : protocol.ToUpperInvariant();

    public static ProtocolFamily Of(string? protocol) => Key(protocol) switch
    {
        "" => ProtocolFamily.Unset,
        "HTTP" or "HTTP2" or "HTTP_PROXY" or "GRPC" or "GRPC-WEB" => ProtocolFamily.Http,
        "HTTPS" or "TLS" => ProtocolFamily.Tls,
        "TCP" => ProtocolFamily.Tcp,
        "MONGO" or "REDIS" or "MYSQL" => ProtocolFamily.Database,
        _ => ProtocolFamily.Other,
    };

    /// <summary>True when the sidecar builds a listener that any destination IP on the port can fall into.</summary>
    public static bool IsOpaqueTcp(this ProtocolFamily family) =>
        family is ProtocolFamily.Unset or ProtocolFamily.Tcp or ProtocolFamily.Database;

    public static string Describe(string? protocol) => string.IsNullOrEmpty(protocol) ? "unset" : protocol;
}
