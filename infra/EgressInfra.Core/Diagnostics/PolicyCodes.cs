namespace EgressInfra.Core.Diagnostics;

/// <summary>
/// Codes of the policy stage (EGR3xx): the profile rules (EGR301–EGR319), whose severity comes
/// from the rule's enforcement level (the default here is the restrictive profile's), the
/// environment's floor (EGR32x), waivers (EGR33x) and presets (EGR34x).
/// </summary>
public static class PolicyCodes
{
    public static readonly DiagnosticDescriptor UnknownProfile = new(
        "EGR300", Severity.Error, "The profile is not one of the shipped profiles.",
        "Use restrictive or permissive, or leave profile empty for the environment's default.");

    public static readonly DiagnosticDescriptor RegistryOnly = new(
        "EGR301", Severity.Error, "Outbound traffic is not limited to registered destinations in every governed namespace.",
        "Set egress.outboundTrafficPolicy to REGISTRY_ONLY and import only namespaces that hold this stack's entries.");

    public static readonly DiagnosticDescriptor NoPackageSources = new(
        "EGR302", Severity.Error, "A package manager, container registry or source repository is reachable.",
        "Build dependencies into the image instead of fetching them at run time; remove the preset or host.");

    public static readonly DiagnosticDescriptor NoWildcardHosts = new(
        "EGR303", Severity.Error, "A host is a wildcard.",
        "List the exact host names the workload calls; a wildcard also admits every sibling host.");

    public static readonly DiagnosticDescriptor NoCatchAllAddresses = new(
        "EGR304", Severity.Error, "An address matches every IPv4 or IPv6 destination (0.0.0.0/0, ::/0).",
        "List the destination's own addresses or ranges; a catch-all range is ALLOW_ANY for that port.");

    public static readonly DiagnosticDescriptor AddressPrefixLimit = new(
        "EGR305", Severity.Error, "An address range is broader than the policy allows.",
        "Narrow the range to the destination's own addresses, or waive the rule for this service with a reason and an expiry.");

    public static readonly DiagnosticDescriptor NoCleartextHttp = new(
        "EGR306", Severity.Error, "A port sends cleartext HTTP to a host outside the mesh.",
        "Call the host over TLS (protocol TLS or HTTPS on 443).");

    public static readonly DiagnosticDescriptor NoResolutionNoneOnHttp = new(
        "EGR307", Severity.Error, "An HTTP port uses resolution NONE, so the Host header decides where traffic goes.",
        "Use resolution DNS: with NONE a client can send any Host header and reach any address.");

    public static readonly DiagnosticDescriptor ExportToUsersOnly = new(
        "EGR308", Severity.Error, "A service is visible to namespaces that do not use it.",
        "Use exportTo: [\".\"] (the default); each namespace that uses the service gets its own entry.");

    public static readonly DiagnosticDescriptor OwnerAndReason = new(
        "EGR309", Severity.Error, "A service has no owner or no reason.",
        "Set owner (the team that answers for it) and reason (why the workload needs it).");

    public static readonly DiagnosticDescriptor CanonicalRanges = new(
        "EGR311", Severity.Error, "An address range has host bits set (10.0.0.1/24 means 10.0.0.0/24).",
        "Write the range from its network address (the message shows it), or a single address without a prefix.");

    public static readonly DiagnosticDescriptor PresetAddressesFresh = new(
        "EGR310", Severity.Warning, "A preset's addresses were last verified longer ago than the policy allows.",
        "Compare the preset's addresses with their source and update the catalog (infra/EgressInfra.Core/Presets/catalog.yaml).");

    public static readonly DiagnosticDescriptor NoOpenPorts = new(
        "EGR312", Severity.Error, "An opaque port (TCP, UDP, MONGO, MYSQL, REDIS) with resolution NONE and no addresses is open to every IP.",
        "Give the destination's addresses (IPs or narrow CIDRs), or use resolution DNS so traffic goes to the named host.",
        "istioctl analyze IST0134 (ServiceEntryAddressesRequired); Envoy ORIGINAL_DST cluster on a 0.0.0.0:<port> listener");

    public static readonly DiagnosticDescriptor NoSniSpoofing = new(
        "EGR313", Severity.Error, "A TLS or HTTPS port uses resolution NONE without exact addresses, so a pod can send a permitted SNI to any IP.",
        "Use resolution DNS (the sidecar then connects to the named host), or list the destination's exact addresses.",
        "Istio: resolution NONE builds an ORIGINAL_DST cluster; the SNI only selects the filter chain");

    public static readonly DiagnosticDescriptor WaiversOpenCatchAll = new(
        "EGR314", Severity.Error, "Waivers leave a service that reaches any destination on some port.",
        "Remove the waiver(s): no waiver may leave a restrictive stack with a catch-all (any IP, any SNI or any Host on a port).",
        "none: Istio admits such an entry (it is the REGISTRY_ONLY escape of failure mode F10); EgressInfra's policy");

    public static readonly DiagnosticDescriptor WaiverTooLong = new(
        "EGR315", Severity.Error, "A waiver lasts longer than the profile's maxWaiverDays.",
        "Set expires at most maxWaiverDays (90 in the restrictive profile) from today, and renew it with a fresh reason when needed.",
        "none: EgressInfra's policy (waivers are not an Istio concept)");

    public static readonly DiagnosticDescriptor StackImportsExportedEntries = new(
        "EGR316", Severity.Warning, "A Sidecar import brings another namespace's exportTo \"*\" entries into a governed namespace's view.",
        "Import exact hosts (ns/host.example.com) rather than ns/*, and keep the other namespace's entries exported to '.' or to the namespaces that use them.",
        "Istio Sidecar egress hosts (namespace/dnsName) and ServiceEntry exportTo");

    public static readonly DiagnosticDescriptor ProfileBelowFloor = new(
        "EGR320", Severity.Error, "The profile is weaker than the environment's floor.",
        "Use the floor's profile (restrictive in staging and prod); waive single rules for single services instead.");

    public static readonly DiagnosticDescriptor RuleBelowFloor = new(
        "EGR321", Severity.Error, "A rule or parameter is set below the environment's floor.",
        "Remove the setting; a mandatory rule of the floor can only be waived for one service, with a reason and an expiry.");

    public static readonly DiagnosticDescriptor UnknownRule = new(
        "EGR322", Severity.Error, "A rule name is not a known rule id or code.",
        "Use a rule id or code from the README's policy table.");

    public static readonly DiagnosticDescriptor WaiverExpired = new(
        "EGR330", Severity.Error, "A waiver has expired.",
        "Fix the finding the waiver covers, or renew the waiver with a new expiry date and reason.");

    public static readonly DiagnosticDescriptor WaiverUnknownService = new(
        "EGR331", Severity.Error, "A waiver names a service the stack does not have.",
        "Name a service of egress.services, or a preset listed in egress.presets.");

    public static readonly DiagnosticDescriptor WaiverNotPerService = new(
        "EGR332", Severity.Error, "A waiver names a rule that applies to the whole stack, not to one service.",
        "Rules about the stack as a whole (registry-only) cannot be waived; change the stack instead.");

    public static readonly DiagnosticDescriptor MandatoryRuleWaived = new(
        "EGR333", Severity.Warning, "A mandatory rule is WAIVED for a service.",
        "Fix the finding before the waiver expires, then remove the waiver.");

    public static readonly DiagnosticDescriptor RuleWaived = new(
        "EGR334", Severity.Info, "A rule is waived for a service.",
        "Fix the finding before the waiver expires, then remove the waiver.");

    public static readonly DiagnosticDescriptor WaiverUnused = new(
        "EGR335", Severity.Warning, "A waiver matches no finding.",
        "Remove the waiver: the service already complies with the rule.");

    public static readonly DiagnosticDescriptor UnknownPreset = new(
        "EGR340", Severity.Error, "A preset name is not in the preset catalog.",
        "Use a name listed by `egressctl presets`.");

    public static readonly DiagnosticDescriptor PresetRegion = new(
        "EGR341", Severity.Error, "A preset's region is missing, not needed, or not a region name.",
        "Give region (e.g. eu-west-1) exactly for the presets whose hosts name a region.");

    public static readonly DiagnosticDescriptor GatewayGrantsPerPort = new(
        "EGR318", Severity.Error, "Through the egress gateway, a namespace reaches a host on ports granted only to other namespaces.",
        "Grant all of the host's ports to the same namespaces (one service for the host), or give the other port's users another host name: the gateway's AuthorizationPolicy matches the SNI or Host, not the port.",
        "Istio AuthorizationPolicy on the gateway: connection.sni / hosts match per host; destination.port there is the gateway pod's port");

    public static readonly DiagnosticDescriptor ContextEnvironment = new(
        "EGR317", Severity.Error, "The kubeconfig context is named for a stronger environment than the stack's environment key.",
        "Set environment to what the context names: the stack deploys to that cluster, and that environment's floor applies to it. When the mismatch is deliberate, set egress-infra:environmentOverride to the stack's (or the context's) name; the floor still applies.",
        "none: Pulumi and Kubernetes do not relate a context's name to a stack's config");

    public static readonly DiagnosticDescriptor EnforcedEgress = new(
        "EGR350", Severity.Warning, "A governed namespace's egress is not enforced.",
        "Use egress.mode: gateway with outboundTrafficPolicy REGISTRY_ONLY and networkPolicy.enabled: true, so that traffic must cross the egress gateway, is authorized there, and cannot go around it.");

    public static readonly DiagnosticDescriptor GatewayBypass = new(
        "EGR351", Severity.Warning, "A service bypasses the egress gateway.",
        "Route the service through the gateway (remove bypassGateway) unless it cannot be; its traffic is limited only by address and port, with no per-namespace authorization.");

    public static readonly IReadOnlyList<DiagnosticDescriptor> All =
    [
        UnknownProfile, RegistryOnly, NoPackageSources, NoWildcardHosts, NoCatchAllAddresses, AddressPrefixLimit,
        NoCleartextHttp, NoResolutionNoneOnHttp, NoOpenPorts, NoSniSpoofing, WaiversOpenCatchAll, WaiverTooLong, StackImportsExportedEntries, ExportToUsersOnly, OwnerAndReason, PresetAddressesFresh, CanonicalRanges,
        ProfileBelowFloor, RuleBelowFloor, UnknownRule,
        WaiverExpired, WaiverUnknownService, WaiverNotPerService, MandatoryRuleWaived, RuleWaived, WaiverUnused,
        UnknownPreset, PresetRegion, GatewayGrantsPerPort, ContextEnvironment, EnforcedEgress, GatewayBypass,
    ];
}
