namespace EgressInfra.Core.Diagnostics;

/// <summary>
/// Codes of the dataplane modes and enforced egress: config (EGR050–EGR069) and analysis of the gateway
/// path (EGR220–EGR229). The profile rules about posture (EGR350–EGR359) are in <see cref="PolicyCodes"/>.
/// </summary>
public static class EnforcementCodes
{
    public static readonly DiagnosticDescriptor ModeReserved = new(
        "EGR050", Severity.Error, "The egress mode is reserved and cannot be rendered yet.",
        "Use mode sidecar or gateway.");

    public static readonly DiagnosticDescriptor OriginateTlsNeedsHttp = new(
        "EGR051", Severity.Error, "originateTls is set on a port whose protocol is not HTTP.",
        "Set originateTls only on a port the application speaks plain HTTP on (protocol HTTP), usually with targetPort 443; a TLS or HTTPS port is already encrypted by the application.");

    public static readonly DiagnosticDescriptor ReservedObjectName = new(
        "EGR052", Severity.Error, "A service's name is the name of an object gateway mode creates for the gateway itself.",
        "Rename the service; the gateway's DestinationRule and AuthorizationPolicy are named after egress.gateway.service.");

    public static readonly DiagnosticDescriptor CannotRouteThroughGateway = new(
        "EGR053", Severity.Error, "A service cannot be routed through the egress gateway.",
        "List exact host names (no wildcard), give resolution NONE entries exact addresses, use TCP rather than UDP, or set bypassGateway: true with exact addresses.");

    public static readonly DiagnosticDescriptor BypassNeedsAddresses = new(
        "EGR054", Severity.Error, "A service that bypasses the gateway has no exact address a NetworkPolicy can allow.",
        "Give the service exact IP addresses (a single address, /32 or /128) or STATIC endpoints with IP addresses; a NetworkPolicy cannot name hosts.");

    public static readonly DiagnosticDescriptor GatewayNamespaceGoverned = new(
        "EGR055", Severity.Error, "The egress gateway's namespace is one of the governed namespaces.",
        "Run the egress gateway in a namespace of its own (egress.gateway.namespace) and remove it from egress.namespaces; its NetworkPolicy would cut the gateway off.");

    public static readonly DiagnosticDescriptor SettingWithoutEffect = new(
        "EGR056", Severity.Warning, "A setting has no effect in the stack's egress mode.",
        "Remove the setting, or change egress.mode to the mode that uses it.");

    public static readonly DiagnosticDescriptor NetworkPolicyCannotNameHosts = new(
        "EGR057", Severity.Info, "The NetworkPolicy can restrict this destination only by port, not by address.",
        "Kubernetes NetworkPolicy has no host names: give the service exact addresses, or use mode: gateway, to restrict it by address too.");

    public static readonly DiagnosticDescriptor GatewayAuthorizesPerHost = new(
        "EGR220", Severity.Warning, "A host is granted to different namespaces on different ports; the gateway's policy authorizes per host.",
        "Grant the host's ports to the same namespaces, or use different host names; the egress gateway's AuthorizationPolicy matches the SNI or Host, and the port it sees is the pod's, so every namespace granted one port of the host can use all of them.");

    public static readonly IReadOnlyList<DiagnosticDescriptor> All =
    [
        ModeReserved, OriginateTlsNeedsHttp, ReservedObjectName, CannotRouteThroughGateway, BypassNeedsAddresses,
        GatewayNamespaceGoverned, SettingWithoutEffect, NetworkPolicyCannotNameHosts, GatewayAuthorizesPerHost,
    ];
}
