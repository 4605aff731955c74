namespace EgressInfra.Core.Diagnostics;

/// <summary>
/// Istio's rules for a Sidecar (EGR163–EGR179): the webhook's ValidateSidecar
/// (pkg/config/validation/validation.go), which `lint` applies to every Sidecar it reads and `check`
/// applies to the imports it writes, and istioctl analyze's Sidecar analyzers across Sidecars.
/// Severity follows Istio: Error = the webhook rejects the object (or the analyzer reports an error).
/// </summary>
public static class SidecarCodes
{
    public static readonly DiagnosticDescriptor InvalidEgressHost = new(
        "EGR163", Severity.Error, "A Sidecar egress host is not namespace/dnsName as Istio requires.",
        "Write namespace/host: the namespace is '*', '.', '~' or a DNS label (optionally '~'-prefixed); the host is '*', '*.domain' or an FQDN (no short names, no partial wildcards, no IP-like last label).",
        "ValidateNamespaceSlashWildcardHostname: host must be of form namespace/dnsName, short names (non FQDN) are not allowed, partial wildcard not allowed");

    public static readonly DiagnosticDescriptor EmptySidecar = new(
        "EGR164", Severity.Error, "The Sidecar has no egress, ingress, outboundTrafficPolicy or inboundConnectionPool.",
        "Give the Sidecar at least one of egress, ingress, outboundTrafficPolicy or inboundConnectionPool, or delete it.",
        "ValidateSidecar: sidecar: empty configuration provided");

    public static readonly DiagnosticDescriptor EgressListener = new(
        "EGR165", Severity.Error, "An egress listener is malformed: no hosts, or a port-less (catch-all) listener that is not the only last one.",
        "Give every egress listener at least one host; only the last listener may omit port, and only one may.",
        "ValidateSidecar: egress listener must contain at least one host / the egress listener with empty port should be the last listener");

    public static readonly DiagnosticDescriptor ListenerPort = new(
        "EGR166", Severity.Error, "A Sidecar listener port is invalid: number, protocol, name, targetPort, or a number used twice.",
        "Use a port number 1..65535 (0 only for a unix socket egress bind), a protocol Istio knows, a DNS-label name, no targetPort, and each number once.",
        "ValidateSidecar: port number must be in the range 1..65535 / is not a valid protocol / targetPort has no impact on Sidecars / ports on IP bound listeners must be unique");

    public static readonly DiagnosticDescriptor ListenerBind = new(
        "EGR167", Severity.Error, "A Sidecar listener's bind or captureMode is invalid.",
        "bind is an IP address, or unix:///absolute/path (or unix://@abstract) for an egress port 0 with captureMode DEFAULT or NONE; each unix socket once.",
        "validateSidecarEgressPortBindAndCaptureMode / validateSidecarIngressPortAndBind");

    public static readonly DiagnosticDescriptor IngressListener = new(
        "EGR168", Severity.Error, "An ingress listener has no port or an invalid defaultEndpoint.",
        "Give every ingress listener a port; defaultEndpoint is 127.0.0.1:<port>, 0.0.0.0:<port>, [::1]:<port>, [::]:<port>, :<port> or unix:///path.",
        "ValidateSidecar: port is required for ingress listeners / defaultEndpoint must be of form 127.0.0.1:<port>,...");

    public static readonly DiagnosticDescriptor IngressTls = new(
        "EGR169", Severity.Error, "An ingress listener's TLS settings are ones a Sidecar does not support.",
        "Sidecar ingress TLS takes SIMPLE or MUTUAL with serverCertificate and privateKey (and caCertificates for MUTUAL) on an HTTPS or TLS port; no subjectAltNames, httpsRedirect, credentialName(s), tlsCertificates, ISTIO_MUTUAL or AUTO_PASSTHROUGH.",
        "ValidateSidecar: sidecar: ... is not supported in ingress tls / cannot set mode to ISTIO_MUTUAL in sidecar ingress tls");

    public static readonly DiagnosticDescriptor OutboundPolicy = new(
        "EGR170", Severity.Error, "The Sidecar's outboundTrafficPolicy is invalid (egressProxy without ALLOW_ANY, no port, or a bad host).",
        "Set egressProxy only with mode ALLOW_ANY, with an FQDN host and a port.",
        "validateSidecarOutboundTrafficPolicy: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode");

    public static readonly DiagnosticDescriptor ConnectionPool = new(
        "EGR171", Severity.Error, "A Sidecar connection pool is empty or has a negative count or invalid duration.",
        "Give the pool http or tcp settings with non-negative counts and durations of at least 1ms.",
        "validateConnectionPool: connection pool must have at least one field");

    public static readonly DiagnosticDescriptor WorkloadSelector = new(
        "EGR172", Severity.Error, "The Sidecar's workloadSelector has an empty key or a wildcard.",
        "Select workloads by exact label keys and values.",
        "ValidateAlphaWorkloadSelector: empty key is not supported in selector / wildcard is not supported in selector");

    public static readonly DiagnosticDescriptor SidecarWarning = new(
        "EGR173", Severity.Warning, "Istio admits this Sidecar with a warning.",
        "Follow the message: a duplicated egress host, a selector without labels, HTTP pool settings on a non-HTTP port or ignored TLS settings.",
        "ValidateSidecar warnings: duplicated egress host / workload selector specified without labels / HTTP connection pool settings on a non-HTTP port");

    public static readonly DiagnosticDescriptor MultipleDefaultSidecars = new(
        "EGR174", Severity.Error, "A namespace has more than one Sidecar without a workloadSelector.",
        "Keep one selector-less Sidecar per namespace: fold the others into it, or give each a workloadSelector with labels for the pods it is meant for.",
        "istioctl analyze IST0110 (MultipleSidecarsWithoutWorkloadSelectors)");

    public static readonly DiagnosticDescriptor ConflictingSelectors = new(
        "EGR175", Severity.Error, "Sidecars in one namespace select the same workloads.",
        "Make the workloadSelectors of a namespace's Sidecars select disjoint workloads.",
        "istioctl analyze IST0111 (ConflictingSidecarWorkloadSelectors)");

    public static readonly IReadOnlyList<DiagnosticDescriptor> All =
    [
        InvalidEgressHost, EmptySidecar, EgressListener, ListenerPort, ListenerBind, IngressListener, IngressTls,
        OutboundPolicy, ConnectionPool, WorkloadSelector, SidecarWarning, MultipleDefaultSidecars, ConflictingSelectors,
    ];
}
