namespace EgressInfra.Core.Diagnostics;

/// <summary>
/// Codes for findings across ServiceEntries (EGR200–EGR249): configurations Istio admits but that
/// break or widen traffic. All are warnings by default; a profile may raise them to errors.
/// </summary>
public static class AnalysisCodes
{
    public static readonly DiagnosticDescriptor AddressesRequired = new(
        "EGR200", Severity.Warning, "A TCP or unset-protocol port has no addresses (istioctl analyze IST0134).",
        "Add the destination's IPs or CIDRs under addresses, or declare the real protocol (TLS for TLS traffic).",
        "IST0134 ServiceEntryAddressesRequired");

    public static readonly DiagnosticDescriptor ConflictingProtocol = new(
        "EGR201", Severity.Warning, "The same host and port are declared with different protocols (istioctl analyze IST0177).",
        "Declare each host:port once, with one protocol, in one ServiceEntry.",
        "IST0177 ConflictingServiceEntryProtocol");

    public static readonly DiagnosticDescriptor HttpOnTlsPort = new(
        "EGR202", Severity.Warning, "An HTTP-family protocol is declared on port 443.",
        "Declare port 443 as TLS (or HTTPS); use HTTP on 443 only when deliberately originating TLS with a DestinationRule.");

    public static readonly DiagnosticDescriptor TcpCapturesAllTls = new(
        "EGR203", Severity.Warning, "A port 443 without addresses whose protocol is TCP, Mongo, Redis, MySQL or unset captures every :443 destination.",
        "Declare the port as TLS so the sidecar routes by SNI, or give the entry the destination's addresses.");

    public static readonly DiagnosticDescriptor SharedTcpPort = new(
        "EGR204", Severity.Warning, "Several TCP entries without addresses share a port in the same scope; only one of them wins.",
        "Give each entry its destination's addresses, or enable DNS capture with IP auto-allocation (Istio allocates none for resolution NONE).");

    public static readonly DiagnosticDescriptor OverlappingAddresses = new(
        "EGR205", Severity.Warning, "Addresses of different entries overlap on the same port.",
        "Merge the entries into one per port and address range, or make the ranges disjoint.");

    public static readonly DiagnosticDescriptor SplitHost = new(
        "EGR206", Severity.Warning, "The same host is split across entries with different ports or protocols.",
        "Declare the host in one ServiceEntry that lists all of its ports.");

    public static readonly DiagnosticDescriptor HttpWithoutDns = new(
        "EGR207", Severity.Warning, "An HTTP-family port uses resolution NONE, so the Host header decides where traffic goes.",
        "Set resolution: DNS (or DYNAMIC_DNS for a wildcard host), or route through an egress gateway.");

    public static readonly DiagnosticDescriptor ServerFirstProtocol = new(
        "EGR208", Severity.Warning, "A well-known non-HTTP port is declared as HTTP or left to protocol sniffing.",
        "Declare the port's real protocol (TCP, or MySQL/Redis/Mongo) and give the entry addresses.");

    public static readonly DiagnosticDescriptor ExportedToMesh = new(
        "EGR209", Severity.Warning, "The entry is visible to the whole mesh (exportTo omitted or '*').",
        "Export the entry to its own namespace (exportTo: [\".\"]) and import it where needed.");

    public static readonly DiagnosticDescriptor WildcardGrantsSiblings = new(
        "EGR210", Severity.Warning, "A wildcard host with resolution NONE grants access to every name under it.",
        "List the exact hosts the workloads need, or accept the wider grant explicitly.");

    public static readonly DiagnosticDescriptor MeshInternalExternalHost = new(
        "EGR211", Severity.Warning, "An external-looking host is declared MESH_INTERNAL.",
        "Use location: MESH_EXTERNAL for destinations outside the mesh.");

    public static readonly DiagnosticDescriptor AddressesWithDns = new(
        "EGR212", Severity.Warning, "An entry with addresses is resolved by DNS: traffic goes where the name resolves, not to the addresses.",
        "Use resolution NONE when the addresses are the destination, or STATIC with endpoints for fixed IPs; keep DNS and drop the addresses when the name is what counts.",
        "Istio: addresses set the listener's match; with resolution DNS the cluster is STRICT_DNS/LOGICAL_DNS on the host name");

    public static readonly IReadOnlyList<DiagnosticDescriptor> All =
    [
        AddressesRequired, ConflictingProtocol, HttpOnTlsPort, TcpCapturesAllTls, SharedTcpPort,
        OverlappingAddresses, SplitHost, HttpWithoutDns, ServerFirstProtocol, ExportedToMesh,
        WildcardGrantsSiblings, MeshInternalExternalHost,
        AddressesWithDns,
    ];
}
