namespace EgressInfra.Core.Diagnostics;

/// <summary>
/// Istio's admission rules for one ServiceEntry (EGR100–EGR149): the istiod validating webhook
/// (<c>ValidateServiceEntry</c> and the helpers it calls) and, where it is stricter, the CRD schema
/// the API server applies first. Severity follows Istio: Error = the object is denied, Warning = it
/// is admitted and kubectl prints a warning. Rule numbers refer to
/// shared/docs/istio-serviceentry-rules.md, section 2.
/// </summary>
public static class IstioCodes
{
    // Metadata (validateMetadata: checked before the spec, and only the first problem is reported).
    public static readonly DiagnosticDescriptor DryRunAnnotation = new(
        "EGR100", Severity.Error, "The istio.io/dry-run annotation is set on a ServiceEntry (only AuthorizationPolicy supports it).",
        "Remove the istio.io/dry-run annotation.",
        "validateMetadata: unsupported annotation istio.io/dry-run (rule 1)");

    public static readonly DiagnosticDescriptor InternalAnnotation = new(
        "EGR101", Severity.Error, "An annotation reserved for istiod (internal.istio.io/...) is set.",
        "Remove the internal.istio.io annotation; only istiod may set it.",
        "validateMetadata: internal.istio.io/webhook-always-reject, parent-namespace, parents (rule 2)");

    // workloadSelector (ValidateAlphaWorkloadSelector; its errors end validation early).
    public static readonly DiagnosticDescriptor SelectorEmptyKey = new(
        "EGR102", Severity.Error, "A workloadSelector label has an empty key.",
        "Give every selector label a non-empty key, e.g. app: payments.",
        "ValidateAlphaWorkloadSelector: empty key is not supported in selector (rule 3)");

    public static readonly DiagnosticDescriptor SelectorWildcard = new(
        "EGR103", Severity.Error, "A workloadSelector label key or value contains '*'.",
        "Select workloads by exact label values; selectors have no wildcards.",
        "ValidateAlphaWorkloadSelector: wildcard is not supported in selector (rule 4)");

    public static readonly DiagnosticDescriptor SelectorWithoutLabels = new(
        "EGR104", Severity.Warning, "workloadSelector is present but has no labels, so it selects every workload in the namespace.",
        "Add labels to the selector, or remove workloadSelector.",
        "ValidateServiceEntry: workload selector specified without labels (rule 5)");

    public static readonly DiagnosticDescriptor SelectorWithEndpoints = new(
        "EGR105", Severity.Error, "workloadSelector and endpoints are both set.",
        "Use either workloadSelector (to pick mesh workloads) or endpoints (to list addresses), not both.",
        "ValidateServiceEntry: only one of WorkloadSelector or Endpoints is allowed (rule 6; CRD CEL rule)");

    // hosts
    public static readonly DiagnosticDescriptor HostsMissing = new(
        "EGR106", Severity.Error, "The ServiceEntry has no hosts.",
        "List at least one host name, e.g. api.example.com.",
        "ValidateServiceEntry: service entry must have at least one host (rule 7; CRD minItems)");

    public static readonly DiagnosticDescriptor HostFullWildcard = new(
        "EGR107", Severity.Error, "A host is '*', which a ServiceEntry cannot declare.",
        "Name the external domain, e.g. *.example.com, or use outboundTrafficPolicy ALLOW_ANY instead of a catch-all entry.",
        "ValidateServiceEntry: invalid host * (rule 8; CRD: hostname cannot be wildcard)");

    public static readonly DiagnosticDescriptor HostInvalid = new(
        "EGR108", Severity.Error, "A host is not a valid DNS name (a wildcard may only be the whole first label prefix).",
        "Write a DNS name such as api.example.com or *.example.com, without scheme, port or path.",
        "ValidateWildcardDomain (rule 9)");

    public static readonly DiagnosticDescriptor HostPartialWildcard = new(
        "EGR109", Severity.Warning, "A host has a partial wildcard (like *foo.com), which Istio admits with a warning.",
        "Use a whole-label wildcard such as *.foo.com, or list the exact hosts.",
        "ValidatePartialWildCard: partial wildcard not allowed (rule 10, warning)");

    // addresses
    public static readonly DiagnosticDescriptor AddressInvalid = new(
        "EGR110", Severity.Error, "An address is not a valid IP address or CIDR block.",
        "Write an IPv4 or IPv6 address (10.0.0.1, 2001:db8::1) or a CIDR block (10.0.0.0/24), without leading zeros.",
        "ValidateIPSubnet: not a valid IP / not a valid CIDR block (rule 11)");

    public static readonly DiagnosticDescriptor CidrNeedsNoneOrStatic = new(
        "EGR111", Severity.Error, "A CIDR address is used with a resolution other than NONE or STATIC.",
        "Use resolution NONE (or STATIC) with CIDR addresses, or list single IPs.",
        "ValidateServiceEntry: CIDR addresses are allowed only for NONE/STATIC resolution (rule 12; CRD CEL rule)");

    // ports
    public static readonly DiagnosticDescriptor PortNameDuplicate = new(
        "EGR112", Severity.Error, "Two ports have the same name.",
        "Give every port a distinct name, e.g. https-443 and http-80.",
        "ValidateServiceEntry: service entry port name already defined (rule 13; CRD list-map key)");

    public static readonly DiagnosticDescriptor PortNumberDuplicate = new(
        "EGR113", Severity.Error, "Two ports have the same number.",
        "Declare each port number once; one port carries one protocol.",
        "ValidateServiceEntry: service entry port already defined (rule 14; CRD: port number cannot be duplicated)");

    public static readonly DiagnosticDescriptor TargetPortOutOfRange = new(
        "EGR114", Severity.Error, "A targetPort is outside 1..65535.",
        "Use a targetPort between 1 and 65535, or remove it.",
        "ValidatePort on targetPort (rule 15)");

    public static readonly DiagnosticDescriptor AddressesRequiredForTcp = new(
        "EGR115", Severity.Warning, "A TCP or unset-protocol port has no addresses and no auto-allocated address, so the sidecar cannot tell its traffic apart.",
        "Add addresses (the destination's IPs or CIDRs), or use a resolution other than NONE so that Istio allocates an address.",
        "ValidateServiceEntry: addresses are required for ports serving TCP (or unset) protocol when IP Autoallocation is not enabled (rule 16; analyze IST0133, cf. IST0134)");

    public static readonly DiagnosticDescriptor PortNameInvalid = new(
        "EGR116", Severity.Error, "A port name is not a DNS-1123 label.",
        "Name the port with letters, digits and '-', starting and ending with a letter or digit, at most 63 characters (e.g. https-443).",
        "ValidatePortName: invalid port name (rule 17)");

    public static readonly DiagnosticDescriptor ProtocolUnsupported = new(
        "EGR117", Severity.Error, "A port protocol is not one Istio supports.",
        "Use one of HTTP, HTTPS, HTTP2, GRPC, GRPC-Web, HTTP_PROXY, TLS, TCP, UDP, Mongo, Redis, MySQL.",
        "ValidateProtocol: unsupported protocol (rule 18)");

    public static readonly DiagnosticDescriptor PortNumberOutOfRange = new(
        "EGR118", Severity.Error, "A port number is outside 1..65535.",
        "Use a port number between 1 and 65535.",
        "ValidatePort: port number must be in the range 1..65535 (rule 19)");

    // resolution NONE
    public static readonly DiagnosticDescriptor EndpointsWithNone = new(
        "EGR119", Severity.Error, "Endpoints are listed while resolution is NONE (an omitted resolution is NONE).",
        "Set resolution STATIC (IP endpoints) or DNS (host-name endpoints), or remove the endpoints.",
        "ValidateServiceEntry: no endpoints should be provided for resolution type none (rule 20; CRD CEL rule)");

    public static readonly DiagnosticDescriptor SelectorWithNone = new(
        "EGR120", Severity.Warning, "workloadSelector is set while resolution is NONE.",
        "Set resolution STATIC to send traffic to the selected workloads, or remove workloadSelector.",
        "ValidateServiceEntry: workloadSelector should not be set when resolution mode is NONE (rule 21)");

    // endpoints
    public static readonly DiagnosticDescriptor EndpointAddressRequired = new(
        "EGR121", Severity.Error, "A STATIC endpoint has neither an address nor a network.",
        "Give the endpoint an IP address (or a unix:// socket path).",
        "validateWorkloadEntry: address is required (rule 22; CRD: Address is required)");

    public static readonly DiagnosticDescriptor EndpointNetworkOnly = new(
        "EGR122", Severity.Warning, "A STATIC endpoint has a network but no address.",
        "Add the endpoint's address, unless it is reached only through that network's gateway.",
        "validateWorkloadEntry: address is unset with network (rule 23)");

    public static readonly DiagnosticDescriptor UnixAddressInvalid = new(
        "EGR123", Severity.Error, "A unix:// endpoint address is not an absolute socket path or an abstract socket name.",
        "Write unix:///absolute/path/to.sock or unix://@abstract-name.",
        "ValidateUnixAddress (rule 24; CRD unix:// rules)");

    public static readonly DiagnosticDescriptor UnixEndpointPorts = new(
        "EGR124", Severity.Error, "A unix:// endpoint has ports, or the entry does not declare exactly one port.",
        "Remove ports from the unix endpoint and declare exactly one service port.",
        "validateWorkloadEntry: unix endpoint must not include ports / exactly 1 service port required for unix endpoints (rule 24)");

    public static readonly DiagnosticDescriptor StaticEndpointNotIp = new(
        "EGR125", Severity.Error, "A STATIC endpoint address is not an IP address.",
        "Use an IP address with resolution STATIC, or set resolution DNS to use a host name.",
        "validateWorkloadEntry: endpoint address is not a valid IP address (rule 25)");

    public static readonly DiagnosticDescriptor EndpointPortUndeclared = new(
        "EGR126", Severity.Error, "An endpoint's ports map uses a name that is not one of the entry's port names.",
        "Key endpoint ports by a declared port name (ports[].name), e.g. ports: { https-443: 8443 }.",
        "validateWorkloadEntry: endpoint port is not defined by the service entry (rule 26)");

    public static readonly DiagnosticDescriptor EndpointPortInvalid = new(
        "EGR127", Severity.Error, "An endpoint port name is not a DNS-1123 label, or its port number is outside 1..65535.",
        "Key endpoint ports by a valid port name and map each to a port between 1 and 65535.",
        "validateWorkloadEntry: ValidatePortName and ValidatePort on endpoint ports (rule 26)");

    public static readonly DiagnosticDescriptor EndpointLabelInvalid = new(
        "EGR128", Severity.Error, "An endpoint label key or value is not a valid Kubernetes label.",
        "Use label keys like app or example.com/tier and values of letters, digits, '-', '_' and '.', starting and ending with a letter or digit.",
        "labels.Instance.Validate: invalid tag key / invalid tag value (rules 27, 31)");

    // resolution DNS and DNS_ROUND_ROBIN
    public static readonly DiagnosticDescriptor DnsHostNotFqdn = new(
        "EGR129", Severity.Error, "With DNS resolution and no endpoints, every host must be a resolvable name, but one is a wildcard or invalid.",
        "Use resolution NONE for wildcard hosts (or DYNAMIC_DNS for HTTP/TLS), or list endpoints to resolve instead.",
        "ValidateServiceEntry: hosts must be FQDN or contain only prefix wildcards if no endpoints are provided (rule 28)");

    public static readonly DiagnosticDescriptor RoundRobinEndpoints = new(
        "EGR130", Severity.Error, "DNS_ROUND_ROBIN has more than one endpoint.",
        "Keep at most one endpoint with DNS_ROUND_ROBIN, or use resolution DNS for several.",
        "ValidateServiceEntry: there must only be 0 or 1 endpoint for resolution mode DNS_ROUND_ROBIN (rule 29; CRD CEL rule)");

    public static readonly DiagnosticDescriptor DnsEndpointAddressInvalid = new(
        "EGR131", Severity.Error, "A DNS endpoint address is neither an IP address nor a host name.",
        "Give the endpoint an IP address or a plain host name (no scheme, port, wildcard or unix:// path).",
        "ValidateServiceEntry: endpoint address is not a valid FQDN or an IP address (rule 30)");

    public static readonly DiagnosticDescriptor MultipleHostsWithAddressAndTcp = new(
        "EGR132", Severity.Warning, "Several hosts share addresses and a TCP-based port, so the sidecar cannot tell the hosts apart.",
        "Split the entry into one entry per host, or drop the addresses.",
        "ValidateServiceEntry: can not have more than one host specified simultaneously with address and tcp port (rule 32, warning)");

    // resolution DYNAMIC_DNS
    public static readonly DiagnosticDescriptor DynamicDnsHostsMissing = new(
        "EGR133", Severity.Error, "DYNAMIC_DNS needs at least one wildcard host.",
        "Add a wildcard host such as *.example.com.",
        "ValidateServiceEntry: at least one wildcard host must be provided for resolution type DYNAMIC_DNS (rule 33)");

    public static readonly DiagnosticDescriptor DynamicDnsHostNotWildcard = new(
        "EGR134", Severity.Error, "A DYNAMIC_DNS host does not start with '*'.",
        "Use wildcard hosts (*.example.com) with DYNAMIC_DNS, or resolution DNS for exact hosts.",
        "ValidateServiceEntry: host must be wildcarded for resolution mode DYNAMIC_DNS (rule 34)");

    public static readonly DiagnosticDescriptor DynamicDnsAddresses = new(
        "EGR135", Severity.Error, "DYNAMIC_DNS does not allow addresses.",
        "Remove addresses; with DYNAMIC_DNS the destination comes from the request's host name.",
        "ValidateServiceEntry: addresses cannot be set for resolution type DYNAMIC_DNS (rule 35)");

    public static readonly DiagnosticDescriptor DynamicDnsEndpoints = new(
        "EGR136", Severity.Error, "DYNAMIC_DNS does not allow endpoints.",
        "Remove endpoints; with DYNAMIC_DNS the destination comes from the request's host name.",
        "ValidateServiceEntry: endpoints cannot be set for resolution type DYNAMIC_DNS (rule 36)");

    public static readonly DiagnosticDescriptor DynamicDnsProtocol = new(
        "EGR137", Severity.Error, "A DYNAMIC_DNS port's protocol is not HTTP, TLS, GRPC or HTTP2.",
        "Use protocol HTTP, TLS, GRPC or HTTP2 (HTTPS: use TLS), or another resolution.",
        "ValidateServiceEntry: only HTTP, TLS, GRPC, and HTTP2 protocols are supported for resolution type DYNAMIC_DNS (rule 37)");

    public static readonly DiagnosticDescriptor DynamicDnsMeshInternalWaypoint = new(
        "EGR138", Severity.Error, "DYNAMIC_DNS with location MESH_INTERNAL is not supported for an entry that uses a waypoint.",
        "Use location MESH_EXTERNAL, or remove the istio.io/use-waypoint label.",
        "ValidateServiceEntry: location MESH_INTERNAL with resolution type DYNAMIC_DNS is not supported when using waypoints (rule 38)");

    public static readonly DiagnosticDescriptor UnknownEnumValue = new(
        "EGR139", Severity.Error, "resolution or location is not one of Istio's values (they are case-sensitive).",
        "Use resolution NONE, STATIC, DNS, DNS_ROUND_ROBIN or DYNAMIC_DNS and location MESH_EXTERNAL or MESH_INTERNAL, in upper case.",
        "ValidateServiceEntry: unsupported resolution type (rule 39); CRD enum; webhook spec decoding");

    public static readonly DiagnosticDescriptor MultipleHostsNonHttpTlsPort = new(
        "EGR140", Severity.Error, "Several hosts share a port that is neither HTTP nor TLS (TCP, UDP, Mongo, Redis, MySQL or unset), so the hosts cannot be told apart.",
        "Split the entry into one entry per host, use an HTTP or TLS protocol, or use resolution NONE.",
        "ValidateServiceEntry: multiple hosts provided with non-HTTP, non-TLS ports (rule 40)");

    // exportTo (validateExportTo, ServiceEntry variant)
    public static readonly DiagnosticDescriptor ExportToDuplicate = new(
        "EGR141", Severity.Error, "exportTo lists the same namespace twice ('.' counts as the entry's own namespace).",
        "List each namespace once.",
        "validateExportTo: duplicate entries in exportTo (rule 41)");

    public static readonly DiagnosticDescriptor ExportToInvalid = new(
        "EGR142", Severity.Error, "An exportTo item is not '.', '*', '~' or a namespace name.",
        "Use '.', '*', '~' or a namespace name (DNS-1123 label).",
        "validateExportTo: only .,*, or a valid DNS 1123 label is allowed as exportTo entry (rule 42)");

    public static readonly DiagnosticDescriptor ExportToPublicWithOthers = new(
        "EGR143", Severity.Error, "exportTo has '*' together with other items.",
        "Use '*' alone (every namespace) or list namespaces without '*'.",
        "validateExportTo: cannot have both public (*) and non-public exportTo values (rule 43)");

    public static readonly DiagnosticDescriptor ExportToNoneWithOthers = new(
        "EGR144", Severity.Error, "exportTo has '~' together with other items.",
        "Use '~' alone (visible to no one) or list namespaces without '~'.",
        "validateExportTo: cannot export service entry to no one (~) and someone (rule 44)");

    // CRD schema checks that are stricter than the webhook (section 3).
    public static readonly DiagnosticDescriptor SchemaLimitExceeded = new(
        "EGR145", Severity.Error, "A list, map or string is longer than the ServiceEntry CRD allows.",
        "Shorten the value or split the entry; the message gives the limit.",
        "CRD schema (networking.istio.io/v1): maxItems, maxProperties, maxLength and the endpoint port-name size rule");

    public static readonly DiagnosticDescriptor SchemaTargetPortZero = new(
        "EGR146", Severity.Error, "targetPort is 0; the webhook reads 0 as unset, but the CRD schema rejects it.",
        "Remove targetPort, or set it to a port between 1 and 65535.",
        "CRD schema: targetPort must satisfy 0 < self <= 65535");

    public static readonly IReadOnlyList<DiagnosticDescriptor> All =
    [
        DryRunAnnotation, InternalAnnotation,
        SelectorEmptyKey, SelectorWildcard, SelectorWithoutLabels, SelectorWithEndpoints,
        HostsMissing, HostFullWildcard, HostInvalid, HostPartialWildcard,
        AddressInvalid, CidrNeedsNoneOrStatic,
        PortNameDuplicate, PortNumberDuplicate, TargetPortOutOfRange, AddressesRequiredForTcp, PortNameInvalid,
        ProtocolUnsupported, PortNumberOutOfRange,
        EndpointsWithNone, SelectorWithNone,
        EndpointAddressRequired, EndpointNetworkOnly, UnixAddressInvalid, UnixEndpointPorts, StaticEndpointNotIp,
        EndpointPortUndeclared, EndpointPortInvalid, EndpointLabelInvalid,
        DnsHostNotFqdn, RoundRobinEndpoints, DnsEndpointAddressInvalid, MultipleHostsWithAddressAndTcp,
        DynamicDnsHostsMissing, DynamicDnsHostNotWildcard, DynamicDnsAddresses, DynamicDnsEndpoints, DynamicDnsProtocol,
        DynamicDnsMeshInternalWaypoint, UnknownEnumValue,
        MultipleHostsNonHttpTlsPort,
        ExportToDuplicate, ExportToInvalid, ExportToPublicWithOthers, ExportToNoneWithOthers,
        SchemaLimitExceeded, SchemaTargetPortZero,
    ];
}
