namespace EgressInfra.Core.Probe;

/// <summary>How a check tries a destination, chosen from the port's Istio protocol.</summary>
public enum ProbeMethod
{
    /// <summary>Plain-text HTTP (HTTP, HTTP2, gRPC, HTTP_PROXY ports): an answer that is not the sidecar's own 502 or 503.</summary>
    Http,

    /// <summary>TLS (HTTPS, TLS ports): a completed handshake and an HTTP answer.</summary>
    Tls,

    /// <summary>
    /// Opaque TCP: reached only on evidence, the server speaking or the proxy's own counters showing an
    /// upstream connection; a connection that merely stays open proves nothing (the sidecar holds it).
    /// </summary>
    Tcp,

    /// <summary>A declared HTTP host's name in the Host header of a request to an address nothing answers on.</summary>
    SpoofedHostHeader,

    /// <summary>
    /// A declared TLS host's name as SNI on a connection dialled to an address nothing answers on
    /// (<c>curl --connect-to</c>): the proxy must route by the SNI, never forward to the dialled address.
    /// </summary>
    SpoofedSni,
}
