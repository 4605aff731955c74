using EgressInfra.Core.Config;

namespace EgressInfra.Core.Manifests.Modes.Gateway;

/// <summary>How a port's traffic crosses the egress gateway. Every kind rides inside ISTIO_MUTUAL from the sidecar to the gateway.</summary>
public enum GatewayPortKind
{
    /// <summary>The gateway terminates the mesh's mTLS and sees HTTP: routed and authorized by Host (and TLS opened at the gateway for originateTls).</summary>
    Http,

    /// <summary>The application's own TLS, passed through inside the mesh's mTLS: routed by SNI on the sidecar, authorized by the mTLS SNI at the gateway.</summary>
    Tls,

    /// <summary>Opaque TCP (databases and the like), passed through like TLS; the sidecar picks it up by address and port.</summary>
    Opaque,

    /// <summary>UDP: the gateway cannot carry it.</summary>
    Unsupported,
}

public static class GatewayPortKinds
{
    public static GatewayPortKind Of(ServiceProtocol protocol) => protocol switch
    {
        ServiceProtocol.Http or ServiceProtocol.Http2 or ServiceProtocol.Grpc or ServiceProtocol.GrpcWeb => GatewayPortKind.Http,
        ServiceProtocol.Https or ServiceProtocol.Tls => GatewayPortKind.Tls,
        ServiceProtocol.Udp => GatewayPortKind.Unsupported,
        _ => GatewayPortKind.Opaque,
    };

    /// <summary>The Gateway server's protocol: HTTPS where the gateway handles HTTP inside the mTLS, TLS where it forwards bytes.</summary>
    public static string ServerProtocol(this GatewayPortKind kind) => kind == GatewayPortKind.Http ? "HTTPS" : "TLS";
}
