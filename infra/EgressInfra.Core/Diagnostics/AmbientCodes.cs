namespace EgressInfra.Core.Diagnostics;

/// <summary>
/// Codes of ambient mode: its config (EGR070–EGR089) and what the ambient path ignores or cannot
/// carry, in stacks and in linted manifests (EGR370–EGR389). Each message follows Istio's code:
/// ztunnel captures TCP to known addresses, a waypoint skips UDP ports, and neither applies a Sidecar.
/// </summary>
public static class AmbientCodes
{
    public static readonly DiagnosticDescriptor OutboundPolicyWithoutEffect = new(
        "EGR070", Severity.Warning, "outboundTrafficPolicy has no effect in ambient mode.",
        "Remove egress.outboundTrafficPolicy: ztunnel does not apply REGISTRY_ONLY, and ambient pods have no Sidecar to carry it. Undeclared destinations are stopped by the NetworkPolicy (networkPolicy.enabled).");

    public static readonly DiagnosticDescriptor EgressNamespaceGoverned = new(
        "EGR071", Severity.Error, "The ambient egress namespace (or the waypoint's) is one of the governed namespaces.",
        "Keep the egress namespace and the waypoint out of egress.namespaces: their NetworkPolicy would cut the waypoint off from the destinations it forwards to.");

    public static readonly DiagnosticDescriptor CrossNamespaceWaypoint = new(
        "EGR072", Severity.Warning, "The waypoint runs in another namespace than the egress namespace.",
        "Prefer the waypoint in the egress namespace (egress.ambient.waypointNamespace unset). Across namespaces, the waypoint's listener must allow routes from the egress namespace, and Istio refuses the binding when meshConfig.serviceEntryVisibility gives the egress namespace NAMESPACE visibility (status istio.io/WaypointBound: CrossNamespaceWaypointForbidden).");

    public static readonly DiagnosticDescriptor ReservedObjectName = new(
        "EGR073", Severity.Error, "A service's name is the name of an object ambient mode creates for the waypoint.",
        "Rename the service: the waypoint's L4 AuthorizationPolicy is named after egress.ambient.waypoint.");

    public static readonly DiagnosticDescriptor WaypointNameReserved = new(
        "EGR074", Severity.Error, "The waypoint's name is 'none', which Istio reserves.",
        "Name the waypoint anything else: istio.io/use-waypoint: none opts an object out of every waypoint.");

    public static readonly DiagnosticDescriptor ExportToIgnored = new(
        "EGR370", Severity.Warning, "exportTo has no effect on the ambient path.",
        "Remove exportTo: ztunnel and waypoints ignore it, so it does not limit who reaches the service. The AuthorizationPolicy rendered for the service (from its namespaces) is what limits the callers; mesh-wide visibility is meshConfig.serviceEntryVisibility (Istio 1.31+).");

    public static readonly DiagnosticDescriptor WildcardNotCaptured = new(
        "EGR371", Severity.Error, "A wildcard host cannot be reached through the waypoint.",
        "List the exact host names. Istio allocates no address for a wildcard host (except with resolution DYNAMIC_DNS), so ztunnel has nothing to capture and sends the traffic straight out, where the NetworkPolicy drops it.");

    public static readonly DiagnosticDescriptor UdpNotCarried = new(
        "EGR372", Severity.Error, "A UDP port cannot be carried by ztunnel and a waypoint.",
        "Remove the UDP port: HBONE tunnels TCP only and the waypoint builds no listener for UDP ports. UDP egress needs a NetworkPolicy rule of its own outside this stack.");

    public static readonly DiagnosticDescriptor NoAddressToCapture = new(
        "EGR373", Severity.Error, "A service with resolution NONE and no addresses has no address ztunnel can send to the waypoint.",
        "Give the service its addresses (exact IPs or CIDRs), or use resolution DNS so Istio allocates an address; without one the waypoint does not serve the host and the traffic goes straight out.");

    public static readonly DiagnosticDescriptor WildcardTlsNeedsFlag = new(
        "EGR374", Severity.Warning, "A wildcard host with DYNAMIC_DNS on a TLS port needs an istiod feature flag.",
        "Set ENABLE_WILDCARD_HOST_SERVICE_ENTRIES_FOR_TLS=true on istiod, or list exact hosts; without it the waypoint builds no chain for the TLS port.");

    public static readonly DiagnosticDescriptor SidecarWithoutEffect = new(
        "EGR375", Severity.Warning, "A Sidecar sits beside ambient manifests, in a namespace a Namespace of the set puts in ambient mode, or on an ambient Pod of the set, where it has no effect.",
        "Remove the Sidecar from ambient namespaces: istioctl analyze reports it (IST0167, 'namespace is in ambient mode, the policy has no impact'). Egress is limited by the waypoint's AuthorizationPolicies and the NetworkPolicy.",
        "IST0167 IneffectivePolicy");

    public static readonly DiagnosticDescriptor RegistryOnlyWithoutEffect = new(
        "EGR376", Severity.Warning, "REGISTRY_ONLY is relied on beside ambient manifests, where ztunnel does not apply it.",
        "Do not count on outboundTrafficPolicy in ambient: ztunnel passes undeclared destinations straight out. Add a NetworkPolicy that lets pods reach only DNS, istiod, HBONE (15008) and the waypoint.");

    public static readonly DiagnosticDescriptor PolicyTargetNotBound = new(
        "EGR377", Severity.Warning, "An AuthorizationPolicy targets a ServiceEntry that is not bound to a waypoint.",
        "Label the ServiceEntry istio.io/use-waypoint (and istio.io/use-waypoint-namespace across namespaces): Istio reports such a policy as not applied (AncestorNotBound), so nothing authorizes the traffic.");

    public static readonly DiagnosticDescriptor WaypointNotForServices = new(
        "EGR378", Severity.Warning, "A waypoint Gateway does not take service traffic, so ServiceEntries cannot bind to it.",
        "Set the label istio.io/waypoint-for to service or all (or remove it: service is the default).");

    public static readonly IReadOnlyList<DiagnosticDescriptor> All =
    [
        OutboundPolicyWithoutEffect, EgressNamespaceGoverned, CrossNamespaceWaypoint, ReservedObjectName, WaypointNameReserved,
        ExportToIgnored, WildcardNotCaptured, UdpNotCarried, NoAddressToCapture, WildcardTlsNeedsFlag,
        SidecarWithoutEffect, RegistryOnlyWithoutEffect, PolicyTargetNotBound, WaypointNotForServices,
    ];
}
