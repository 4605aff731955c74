namespace EgressInfra.Core.Probe;

/// <summary>How a check tries a destination, chosen from the port's Istio protocol.</summary>
public enum ProbeMethod
{
    /// <summary>Plain-text HTTP (HTTP, HTTP2, gRPC, HTTP_PROXY ports): an answer that is not the sidecar's own 502 or 503.</summary>
    Http,

    /// <summary>TLS (HTTPS, TLS ports): a completed handshake and an HTTP answer.</summary>
    Tls,

    /// <summary>Opaque TCP: a connection the sidecar keeps open, or on which the server speaks first.</summary>
    Tcp,

    /// <summary>A declared HTTP host's name in the Host header of a request to an address nothing answers on.</summary>
    SpoofedHostHeader,

    /// <summary>A bare TCP connect from outside the mesh's capture (the proxy's UID): blocked means it never completes.</summary>
    DirectConnect,
}
