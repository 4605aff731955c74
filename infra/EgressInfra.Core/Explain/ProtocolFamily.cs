namespace EgressInfra.Core.Explain;

/// <summary>
/// How the sidecar handles a port, which is what decides the symptom when traffic is denied: HTTP
/// ports get an HTTP listener routed by <c>Host</c>, TLS ports a listener matched by SNI, opaque ports a
/// TCP proxy matched by destination address and port.
/// </summary>
public enum ProtocolFamily
{
    Http,
    Tls,
    Tcp,
    Udp,
}
