using EgressInfra.Core.Config;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>The port protocols on which the sidecar speaks HTTP itself and routes by the Host header.</summary>
public static class HttpProtocols
{
    /// <summary>
    /// HTTP, HTTP2, GRPC and GRPC-Web: without TLS origination the sidecar sends them in clear, and
    /// it picks the route by the request's Host (or :authority), which the client controls.
    /// </summary>
    public static bool IsHttp(this ServiceProtocol protocol) =>
        protocol is ServiceProtocol.Http or ServiceProtocol.Http2 or ServiceProtocol.Grpc or ServiceProtocol.GrpcWeb;
}
