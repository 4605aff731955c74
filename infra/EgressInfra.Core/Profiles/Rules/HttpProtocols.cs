using EgressInfra.Core.Config;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>How the policy rules group port protocols by what travels on the wire.</summary>
public static class HttpProtocols
{
    /// <summary>
    /// Ports a cleartext HTTP client uses by convention (80, and the usual alternates and proxy
    /// ports): a TCP or other opaque port here to a host outside the cluster carries HTTP in clear.
    /// </summary>
    public static IReadOnlySet<int> CleartextHttpPorts { get; } = new HashSet<int> { 80, 591, 3128, 8000, 8008, 8080, 8081, 8888 };

    /// <summary>
    /// HTTP, HTTP2, HTTP_PROXY, GRPC and GRPC-Web: without TLS origination the sidecar sends them in
    /// clear, and it picks the route by the request's Host (or :authority), which the client controls.
    /// Istio's own protocol.IsHTTP counts the same five.
    /// </summary>
    public static bool IsHttp(this ServiceProtocol protocol) =>
        protocol is ServiceProtocol.Http or ServiceProtocol.Http2 or ServiceProtocol.HttpProxy or ServiceProtocol.Grpc or ServiceProtocol.GrpcWeb;

    /// <summary>HTTPS and TLS: the sidecar routes by the SNI of the client's handshake.</summary>
    public static bool IsTls(this ServiceProtocol protocol) =>
        protocol is ServiceProtocol.Https or ServiceProtocol.Tls;

    /// <summary>TCP, UDP, MONGO, MYSQL, REDIS: the sidecar sees bytes, no name, and routes by address and port.</summary>
    public static bool IsOpaque(this ServiceProtocol protocol) => !protocol.IsHttp() && !protocol.IsTls();
}
