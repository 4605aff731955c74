namespace EgressInfra.Core.Diagnostics;

/// <summary>
/// Codes for the enforcement kinds (EGR400–EGR499): Gateway, VirtualService, DestinationRule,
/// AuthorizationPolicy and NetworkPolicy, one object at a time as Istio's webhook and the API server
/// judge them (Error = rejected, Warning = admitted with a warning), then across the object set as
/// istioctl analyze does (always at most warnings: Istio admits them), then the restrictive profile's
/// rules for hand-written setups.
/// </summary>
public static class EnforcementKindCodes
{
    // Shared by every kind.
    public static readonly DiagnosticDescriptor ReservedAnnotation = new(
        "EGR400", Severity.Error, "An annotation Istio reserves is set (istio.io/dry-run outside ALLOW/DENY AuthorizationPolicies, or an internal.istio.io annotation).",
        "Remove the annotation; istio.io/dry-run takes \"true\" or \"false\" and only on AuthorizationPolicies with action ALLOW or DENY.",
        "validateMetadata / checkDryRunAnnotation");

    public static readonly DiagnosticDescriptor UnknownFieldNewer = new(
        "EGR401", Severity.Warning, "A field is not in the schema EgressInfra knows for this part of the resource.",
        "Check the spelling; if the field is new in your Istio version, the API server accepts it only when the installed CRD has it.",
        "API server: strict field validation against the installed CRD");

    public static readonly DiagnosticDescriptor UnservedVersion = new(
        "EGR402", Severity.Error, "The kind is not served in this apiVersion.",
        "Use one of the versions the message lists.",
        "API server: no matches for kind in version");

    public static readonly DiagnosticDescriptor InvalidDuration = new(
        "EGR403", Severity.Error, "A duration is not a protobuf duration (e.g. \"1.5s\"), is under 1ms, or is finer than milliseconds.",
        "Write durations as seconds with an 's' suffix and at most millisecond precision: \"0.5s\", \"30s\".",
        "agent.ValidateDuration: duration must be greater than 1ms / only durations to ms precision are supported");

    public static readonly DiagnosticDescriptor InvalidExportTo = new(
        "EGR404", Severity.Error, "exportTo has duplicates, an invalid namespace, or '*' together with other values.",
        "List each namespace once, use '.' for the object's own namespace and '*' alone for every namespace.",
        "validateExportTo");

    public static readonly DiagnosticDescriptor InvalidSelector = new(
        "EGR405", Severity.Error, "A workload selector has an empty key or a '*' wildcard.",
        "Select workloads by exact, non-empty label keys and values.",
        "validateWorkloadSelector: empty key / wildcard is not supported in selector");

    public static readonly DiagnosticDescriptor SelectorWithoutLabels = new(
        "EGR406", Severity.Warning, "A workload selector has no labels, so it selects every workload in the namespace.",
        "Add matchLabels, or remove the selector.",
        "validateWorkloadSelector: workload selector specified without labels");

    public static readonly DiagnosticDescriptor InvalidLabels = new(
        "EGR407", Severity.Error, "A label map (subset labels, sourceLabels) has a key or value Kubernetes does not allow.",
        "Use Kubernetes label syntax: [prefix/]name keys and values of at most 63 letters, digits, '-', '_' and '.'.",
        "labels.Instance.Validate");

    // Gateway (ValidateGateway, validateServer, validateServerPort, validateServerBind, validateTLSOptions).
    public static readonly DiagnosticDescriptor GatewayName = new(
        "EGR410", Severity.Error, "A Gateway's name is not a DNS-1123 label (no dots allowed).",
        "Rename the Gateway to lower-case letters, digits and '-' only.",
        "ValidateGateway: invalid gateway name");

    public static readonly DiagnosticDescriptor GatewayServers = new(
        "EGR411", Severity.Error, "A Gateway has no servers, or a server has no hosts.",
        "Give the Gateway at least one server, and every server at least one host.",
        "ValidateGateway: gateway must have at least one server / server config must contain at least one host");

    public static readonly DiagnosticDescriptor GatewayHost = new(
        "EGR412", Severity.Error, "A Gateway server host is not [namespace/]dnsName with a valid namespace and a full domain name.",
        "Write hosts as 'ns/host.example.com', '*/host.example.com', './*.example.com' or 'host.example.com'; short names and partial wildcards are rejected.",
        "agent.ValidateNamespaceSlashWildcardHostname (gateway)");

    public static readonly DiagnosticDescriptor GatewayPort = new(
        "EGR413", Severity.Error, "A Gateway server port is missing, has no name, an unsupported protocol, a number outside 1..65535, or a targetPort.",
        "Give every server a port with number, name and protocol (HTTP, HTTPS, HTTP2, GRPC, TLS, TCP, MONGO, REDIS, MYSQL); remove targetPort.",
        "validateServerPort");

    public static readonly DiagnosticDescriptor GatewayDuplicatePortName = new(
        "EGR414", Severity.Error, "Two servers of a Gateway use the same port name.",
        "Give every server's port a unique name.",
        "ValidateGateway: port names in servers must be unique");

    public static readonly DiagnosticDescriptor GatewayBind = new(
        "EGR415", Severity.Error, "A server's bind is not an IP address or a valid unix:// socket (with port number 0).",
        "Bind to an IP address, or to unix:///path with port number 0.",
        "validateServerBind");

    public static readonly DiagnosticDescriptor GatewayTlsForProtocol = new(
        "EGR416", Severity.Error, "An HTTPS/TLS server has no tls settings, or a plain-text server has TLS settings beyond httpsRedirect.",
        "Add tls (mode SIMPLE, MUTUAL, PASSTHROUGH, ...) to HTTPS and TLS servers; on HTTP servers use only tls.httpsRedirect.",
        "validateServer: server must have TLS settings for HTTPS/TLS protocols / server cannot have TLS settings for ...");

    public static readonly DiagnosticDescriptor GatewayTlsSettings = new(
        "EGR417", Severity.Error, "A server's TLS settings do not fit its mode (certificates with ISTIO_MUTUAL, none with SIMPLE/MUTUAL, no CA for MUTUAL, several certificate sources, a CRL where none is supported).",
        "With SIMPLE or MUTUAL give credentialName (or serverCertificate and privateKey, plus caCertificates for MUTUAL); with ISTIO_MUTUAL give no certificates.",
        "validateTLSOptions");

    public static readonly DiagnosticDescriptor GatewayTlsWarning = new(
        "EGR418", Severity.Warning, "A server's TLS settings are admitted but partly ignored (invalid or duplicate cipher suites, certificates in PASSTHROUGH, TLS below 1.2 without ciphers, more than two certificates, httpsRedirect on a non-HTTP server).",
        "Remove what the message names.",
        "validateTLSOptions / ValidateGateway warnings");

    // VirtualService (ValidateVirtualService, validateHTTPRoute, validateTLSRoute, validateTCPRoute).
    public static readonly DiagnosticDescriptor VirtualServiceHost = new(
        "EGR420", Severity.Error, "A VirtualService host is not a valid domain (a wildcard only as the first label), or is '*' on the mesh gateway.",
        "Use full host names or '*.example.com'; '*' alone only on ingress/egress gateways.",
        "ValidateVirtualService: hosts / wildcard host * is not allowed for virtual services bound to the mesh gateway");

    public static readonly DiagnosticDescriptor VirtualServiceDuplicateHost = new(
        "EGR421", Severity.Error, "Two hosts of a VirtualService overlap (the same host, or one wildcard covering the other).",
        "Keep one of the overlapping hosts.",
        "ValidateVirtualService: duplicate hosts in virtual service");

    public static readonly DiagnosticDescriptor VirtualServiceNoRoutes = new(
        "EGR422", Severity.Error, "A VirtualService has no http, tls or tcp routes, or a delegate VirtualService sets gateways, tls or tcp.",
        "Add at least one route; a delegate (no hosts) has only http routes and no gateways.",
        "ValidateVirtualService: http, tcp or tls must be provided / delegate virtual service must have no ...");

    public static readonly DiagnosticDescriptor VirtualServiceGatewayName = new(
        "EGR423", Severity.Error, "A gateway reference is not 'namespace/name' with DNS-1123 labels, or a valid FQDN.",
        "Reference gateways as 'namespace/name' (or 'name' in the same namespace, or 'mesh').",
        "validateGatewayNames");

    public static readonly DiagnosticDescriptor VirtualServiceLegacyGatewayName = new(
        "EGR424", Severity.Warning, "A gateway is referenced in the legacy 'name.namespace' form.",
        "Use the 'namespace/name' form the message suggests.",
        "validateGatewayNames: using legacy gatewayName format");

    public static readonly DiagnosticDescriptor HttpRouteAction = new(
        "EGR425", Severity.Error, "An HTTP route has no route, redirect or directResponse, or combines actions Istio forbids (route with redirect, fault with redirect, mirror with mirrors, ...).",
        "Give each HTTP route exactly one of route, redirect, directResponse (or delegate), and no fault or rewrite with redirect/directResponse.",
        "validateHTTPRouteConflict");

    public static readonly DiagnosticDescriptor RouteMatch = new(
        "EGR426", Severity.Error, "A route match is invalid: an empty prefix or regex, a bad RE2 regex, a bad header name, a port outside 1..65535, an invalid sourceNamespace or gateway, or JWT claim routing outside a gateway.",
        "Correct the match the message names.",
        "validateHTTPRouteMatchRequest / validateStringMatch / validateTCPMatch / validateTLSMatch");

    public static readonly DiagnosticDescriptor RouteDestination = new(
        "EGR427", Severity.Error, "A route destination is missing or invalid (host '*' or not a domain, subset not a DNS-1123 label, port outside 1..65535), or weights are negative or all zero.",
        "Give each destination a valid host (and subset/port); weights are non-negative and not all zero.",
        "validateHTTPRouteDestinations / validateRouteDestinations / validateDestination / validateWeight");

    public static readonly DiagnosticDescriptor HttpRouteOption = new(
        "EGR428", Severity.Error, "An HTTP route option is invalid: redirect, rewrite, directResponse, retries, fault, CORS, mirror or header operations.",
        "Correct the option the message names.",
        "validateHTTPRedirect / validateHTTPRewrite / validateHTTPDirectResponse / ValidateHTTPRetry / validateHTTPFaultInjection / validateCORSPolicy / validateHTTPMirrors / header validation");

    public static readonly DiagnosticDescriptor TlsRoute = new(
        "EGR429", Severity.Error, "A tls route has no match, a match without sniHosts, an SNI host that none of the VirtualService's hosts covers, or no route; or a tcp route has no route.",
        "Give each tls route a match with sniHosts covered by spec.hosts and a route; give each tcp route a route.",
        "validateTLSRoute / validateTLSMatch / validateSniHost / validateTCPRoute");

    public static readonly DiagnosticDescriptor VirtualServiceWarning = new(
        "EGR430", Severity.Warning, "Istio admits the VirtualService with a warning (deprecated mirrorPercent, abort without an error type, an IP as SNI host, a large direct response).",
        "Follow the message.",
        "ValidateVirtualService warnings");

    // DestinationRule (ValidateDestinationRule, validateTrafficPolicy, agent.ValidateTLS).
    public static readonly DiagnosticDescriptor DestinationRuleHost = new(
        "EGR435", Severity.Error, "A DestinationRule host is not a valid domain (a wildcard only as the first label).",
        "Use a service or external host name, e.g. reviews.prod.svc.cluster.local or api.example.com.",
        "ValidateDestinationRule: agent.ValidateWildcardDomain(host)");

    public static readonly DiagnosticDescriptor Subset = new(
        "EGR436", Severity.Error, "A subset has no name, a name that is not a DNS-1123 label, or the same name as another subset.",
        "Give every subset a unique lower-case DNS-1123 label name.",
        "ValidateDestinationRule: duplicate subset names / validateSubsetName");

    public static readonly DiagnosticDescriptor TrafficPolicy = new(
        "EGR437", Severity.Error, "A traffic policy is empty, sets tunnel with proxyProtocol, or a port-level policy lacks its port or any setting.",
        "Remove the empty policy or give it at least one setting; port-level policies name their port.",
        "validateTrafficPolicy / validatePortTrafficPolicies");

    public static readonly DiagnosticDescriptor ConnectionPool = new(
        "EGR438", Severity.Error, "A connection pool setting is invalid (empty pool, negative limits, useClientProtocol with UPGRADE, missing HTTP/2 keepalive interval or timeout).",
        "Correct the setting the message names.",
        "validateConnectionPool");

    public static readonly DiagnosticDescriptor OutlierDetection = new(
        "EGR439", Severity.Error, "An outlier detection setting is invalid (percent outside 0..100, consecutiveLocalOriginFailures without splitExternalLocalOriginErrors).",
        "Correct the setting the message names.",
        "validateOutlierDetection");

    public static readonly DiagnosticDescriptor LoadBalancer = new(
        "EGR440", Severity.Error, "A load balancer setting is invalid (cookie without name, maglev table size, locality weights, failover, warmup).",
        "Correct the setting the message names.",
        "validateLoadBalancer / ValidateLocalityLbSetting");

    public static readonly DiagnosticDescriptor ClientTls = new(
        "EGR441", Severity.Error, "Client TLS settings do not fit their mode (MUTUAL without client certificate and key, files together with credentialName, insecureSkipVerify with CA or SANs).",
        "With credentialName give no certificate files; MUTUAL needs clientCertificate and privateKey otherwise; insecureSkipVerify excludes caCertificates and subjectAltNames.",
        "agent.ValidateTLS");

    public static readonly DiagnosticDescriptor DestinationRuleWarning = new(
        "EGR442", Severity.Warning, "Istio admits the DestinationRule with a warning (deprecated consecutiveErrors or minimumRingSize, failover without outlier detection).",
        "Follow the message.",
        "ValidateDestinationRule warnings");

    public static readonly DiagnosticDescriptor TrafficPolicyValue = new(
        "EGR443", Severity.Error, "A tunnel or proxy protocol setting is invalid (protocol not CONNECT/POST, target host not an FQDN or IP, port outside 1..65535, version not 0 or 1).",
        "Correct the setting the message names.",
        "validateTunnelSettings / validateProxyProtocol");

    // AuthorizationPolicy (ValidateAuthorizationPolicy and pkg/config/security).
    public static readonly DiagnosticDescriptor PolicyTarget = new(
        "EGR445", Severity.Error, "An AuthorizationPolicy sets more than one of selector, targetRef and targetRefs, or a targetRef has no name, a namespace, or a kind other than Service, ServiceEntry, Gateway or GatewayClass.",
        "Use either selector or targetRefs; targetRefs name a Service, ServiceEntry, Gateway or GatewayClass in the policy's namespace.",
        "validateOneOfSelectorType / validatePolicyTargetReference");

    public static readonly DiagnosticDescriptor PolicyAction = new(
        "EGR446", Severity.Error, "The action does not fit the rules: DENY or CUSTOM without rules, CUSTOM without provider.name or with source identities, provider without CUSTOM.",
        "Give DENY and CUSTOM policies rules (an empty rule {} matches every request); provider only with CUSTOM.",
        "ValidateAuthorizationPolicy: action checks");

    public static readonly DiagnosticDescriptor PolicyRule = new(
        "EGR447", Severity.Error, "A rule has a null from/to entry, a from without source, a to without operation, or an empty source or operation.",
        "Remove null entries, or fill them with at least one source or operation field.",
        "ValidateAuthorizationPolicy: `from`/`to` must not be empty / nil");

    public static readonly DiagnosticDescriptor PolicyValue = new(
        "EGR448", Severity.Error, "A source or operation value is invalid: an empty value, a bad IP or CIDR, a bad port, a malformed service account or trust domain, serviceAccounts with namespaces or principals, or a bad path template.",
        "Correct the value the message names.",
        "ValidateAuthorizationPolicy / security.ValidateIPs, ValidatePorts, CheckServiceAccount, CheckValidPathTemplate");

    public static readonly DiagnosticDescriptor PolicyCondition = new(
        "EGR449", Severity.Error, "A when condition has no key, no values, an unknown or unsupported key, or a value the key does not accept.",
        "Use a supported key (source.ip, request.headers[name], destination.port, connection.sni, ...) with at least one valid value.",
        "ValidateAuthorizationPolicy: when / security.ValidateAttribute");

    public static readonly DiagnosticDescriptor PolicyHttpOnlyDeny = new(
        "EGR450", Severity.Warning, "A DENY rule uses only HTTP attributes, so it denies all traffic to TCP ports in its scope.",
        "Name the ports the rule applies to in to.operation.ports.",
        "ValidateAuthorizationPolicy: configured AuthorizationPolicy will deny all traffic to TCP ports");

    // NetworkPolicy (k8s.io/kubernetes pkg/apis/networking/validation ValidateNetworkPolicy).
    public static readonly DiagnosticDescriptor NetworkPolicyPeer = new(
        "EGR455", Severity.Error, "A NetworkPolicy peer sets ipBlock together with a selector, or sets nothing.",
        "Give each peer either ipBlock, or podSelector and/or namespaceSelector.",
        "ValidateNetworkPolicyPeer: may not specify both ipBlock and another peer / must specify a peer");

    public static readonly DiagnosticDescriptor NetworkPolicyIpBlock = new(
        "EGR456", Severity.Error, "An ipBlock's cidr is missing or not a CIDR, or an except entry is not a CIDR strictly inside it.",
        "Write cidr as address/length, and every except entry as a smaller range inside cidr.",
        "ValidateIPBlock: must be a valid CIDR / must be a strict subset of `cidr`");

    public static readonly DiagnosticDescriptor NetworkPolicyPort = new(
        "EGR457", Severity.Error, "A NetworkPolicy port has a protocol other than TCP, UDP or SCTP, a number outside 1..65535, an invalid port name, or an endPort without a numeric port or below it.",
        "Use TCP, UDP or SCTP; numbers 1..65535 or an IANA service name; endPort only with a numeric port and not below it.",
        "ValidateNetworkPolicyPort");

    public static readonly DiagnosticDescriptor NetworkPolicyTypes = new(
        "EGR458", Severity.Error, "policyTypes has a value other than Ingress or Egress, or more than two values.",
        "List Ingress, Egress or both.",
        "ValidateNetworkPolicySpec: policyTypes");

    public static readonly DiagnosticDescriptor LabelSelector = new(
        "EGR459", Severity.Error, "A label selector has an invalid key or value, an unknown operator, or values that do not fit its operator.",
        "In and NotIn need values; Exists and DoesNotExist take none.",
        "ValidateLabelSelector");

    // Across objects (istioctl analyze and beyond); Istio admits these, so lint reports them as warnings.
    public static readonly DiagnosticDescriptor GatewayNotFound = new(
        "EGR470", Severity.Warning, "A VirtualService binds a Gateway that is not in the set.",
        "Add the Gateway, or correct the reference (namespace/name).",
        "istioctl analyze IST0101 ReferencedResourceNotFound (gateway)");

    public static readonly DiagnosticDescriptor SubsetNotFound = new(
        "EGR471", Severity.Warning, "A route names a subset that no DestinationRule for its host defines.",
        "Define the subset in the DestinationRule of that host, or remove it from the route.",
        "istioctl analyze IST0101 ReferencedResourceNotFound (host+subset in destinationrule)");

    public static readonly DiagnosticDescriptor HostNotInGateway = new(
        "EGR472", Severity.Warning, "None of a VirtualService's hosts is served by a Gateway it binds (an Istio Gateway's servers, a Gateway API Gateway's listeners; a missing Gateway serves none).",
        "Add the host to the Gateway's servers (visible to the VirtualService's namespace), or correct the VirtualService's hosts.",
        "istioctl analyze IST0132 VirtualServiceHostNotFoundInGateway");

    public static readonly DiagnosticDescriptor ConflictingGateways = new(
        "EGR473", Severity.Warning, "Two Gateways with the same selector (or selectors that pick the same Pod of the set) claim the same host on the same port.",
        "Merge the servers into one Gateway, or give them different hosts or ports.",
        "istioctl analyze IST0145 ConflictingGateways");

    public static readonly DiagnosticDescriptor PolicyTargetsNothing = new(
        "EGR474", Severity.Warning, "An AuthorizationPolicy's targetRefs or selector matches nothing in the set.",
        "Correct the target's kind and name, or the selector's labels, so that the policy applies where it was meant to.",
        "beyond istioctl analyze (cf. IST0101 for selectors)");

    public static readonly DiagnosticDescriptor DoubleTls = new(
        "EGR475", Severity.Warning, "A DestinationRule originates TLS (SIMPLE or MUTUAL) to a port the ServiceEntry already declares as TLS/HTTPS: the application's TLS is wrapped in a second TLS.",
        "Let the application speak plain HTTP to a port declared HTTP (with targetPort 443) and originate TLS there, or drop the DestinationRule's tls.",
        "beyond istioctl analyze (double TLS origination)");

    public static readonly DiagnosticDescriptor GatewaySubsetWithoutMtls = new(
        "EGR476", Severity.Warning, "Mesh traffic is routed to an egress gateway subset whose DestinationRule does not use ISTIO_MUTUAL: the gateway cannot tell which workload calls.",
        "Set trafficPolicy.tls.mode (or the subset's / port's) to ISTIO_MUTUAL with sni set to the external host.",
        "beyond istioctl analyze (Istio egress gateway task: mutual TLS to the gateway)");

    public static readonly DiagnosticDescriptor NetworkPolicyBlocksDns = new(
        "EGR477", Severity.Warning, "A NetworkPolicy restricts egress in a meshed namespace without allowing DNS (port 53 over UDP): pods cannot resolve names.",
        "Add an egress rule allowing UDP and TCP port 53 to kube-system (kube-dns).",
        "beyond istioctl analyze (NetworkPolicy and DNS)");

    // Restrictive profile (lint --profile restrictive).
    public static readonly DiagnosticDescriptor EgressPathWithoutPolicy = new(
        "EGR490", Severity.Error, "An egress gateway path has no AuthorizationPolicy selecting the gateway: any workload that reaches the gateway may use it.",
        "Add an AuthorizationPolicy in the gateway's namespace that selects it and allows only the namespaces or service accounts that need the path.",
        "restrictive profile (Istio egress gateway task: policy at the gateway)");

    public static readonly DiagnosticDescriptor AllowEmptyRule = new(
        "EGR491", Severity.Error, "An ALLOW AuthorizationPolicy has an empty rule, which matches every request.",
        "Give the rule from, to or when conditions that name who may call what.",
        "restrictive profile (Istio: an empty rule {} matches every request)");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        ReservedAnnotation, UnknownFieldNewer, UnservedVersion, InvalidDuration, InvalidExportTo, InvalidSelector, SelectorWithoutLabels, InvalidLabels,
        GatewayName, GatewayServers, GatewayHost, GatewayPort, GatewayDuplicatePortName, GatewayBind, GatewayTlsForProtocol, GatewayTlsSettings, GatewayTlsWarning,
        VirtualServiceHost, VirtualServiceDuplicateHost, VirtualServiceNoRoutes, VirtualServiceGatewayName, VirtualServiceLegacyGatewayName, HttpRouteAction,
        RouteMatch, RouteDestination, HttpRouteOption, TlsRoute, VirtualServiceWarning,
        DestinationRuleHost, Subset, TrafficPolicy, ConnectionPool, OutlierDetection, LoadBalancer, ClientTls, DestinationRuleWarning, TrafficPolicyValue,
        PolicyTarget, PolicyAction, PolicyRule, PolicyValue, PolicyCondition, PolicyHttpOnlyDeny,
        NetworkPolicyPeer, NetworkPolicyIpBlock, NetworkPolicyPort, NetworkPolicyTypes, LabelSelector,
        GatewayNotFound, SubsetNotFound, HostNotInGateway, ConflictingGateways, PolicyTargetsNothing, DoubleTls, GatewaySubsetWithoutMtls, NetworkPolicyBlocksDns,
        EgressPathWithoutPolicy, AllowEmptyRule,
    ];
}
