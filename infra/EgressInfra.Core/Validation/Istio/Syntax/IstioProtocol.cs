namespace EgressInfra.Core.Validation.Istio.Syntax;

/// <summary>A port protocol as Istio parses it (pkg/config/protocol). <see cref="Unset"/> is the empty string (sniffing).</summary>
public enum IstioProtocol
{
    Unset,
    Unsupported,
    Tcp,
    Udp,
    Grpc,
    GrpcWeb,
    Http,
    HttpProxy,
    Http2,
    Https,
    Tls,
    Mongo,
    Redis,
    MySql,
}

/// <summary>D11: protocol parsing and the protocol families Istio's rules test.</summary>
public static class IstioProtocols
{
    private static readonly (string Lower, IstioProtocol Value)[] Names =
    [
        ("tcp", IstioProtocol.Tcp), ("udp", IstioProtocol.Udp), ("grpc", IstioProtocol.Grpc),
        ("grpc-web", IstioProtocol.GrpcWeb), ("http", IstioProtocol.Http), ("http_proxy", IstioProtocol.HttpProxy),
        ("http2", IstioProtocol.Http2), ("https", IstioProtocol.Https), ("tls", IstioProtocol.Tls),
        ("mongo", IstioProtocol.Mongo), ("redis", IstioProtocol.Redis), ("mysql", IstioProtocol.MySql),
    ];

    /// <summary>
    /// Istio <c>protocol.Parse</c> (case-insensitive via Go's ToLower); null and "" are <see cref="IstioProtocol.Unset"/>.
    /// HBONE and DoubleHBONE are internal to Istio and parse as unsupported.
    /// </summary>
    public static IstioProtocol Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return IstioProtocol.Unset;
        }

        foreach (var (lower, protocol) in Names)
        {
            if (GoText.ToLowerEquals(value, lower))
            {
                return protocol;
            }
        }

        return IstioProtocol.Unsupported;
    }

    /// <summary>HTTP, HTTP2, HTTP_PROXY, GRPC, GRPC-Web.</summary>
    public static bool IsHttp(this IstioProtocol p) =>
        p is IstioProtocol.Http or IstioProtocol.Http2 or IstioProtocol.HttpProxy or IstioProtocol.Grpc or IstioProtocol.GrpcWeb;

    /// <summary>HTTPS, TLS.</summary>
    public static bool IsTls(this IstioProtocol p) => p is IstioProtocol.Https or IstioProtocol.Tls;

    /// <summary>TCP, HTTPS, TLS, Mongo, Redis, MySQL (Istio <c>IsTCP</c>; unset is not TCP here).</summary>
    public static bool IsTcp(this IstioProtocol p) =>
        p is IstioProtocol.Tcp or IstioProtocol.Https or IstioProtocol.Tls or IstioProtocol.Mongo or IstioProtocol.Redis or IstioProtocol.MySql;
}
