using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Validation.Istio.Syntax;

namespace EgressInfra.Core.Validation.Istio;

/// <summary>
/// ServiceEntry <c>endpoints</c> under STATIC (Istio <c>validateWorkloadEntry</c>, rules 22–27) and under
/// DNS / DNS_ROUND_ROBIN (rules 30–31). What an address may be depends on the resolution: STATIC takes an
/// IP or a unix socket, DNS an IP or a host name.
/// </summary>
internal static class EndpointRules
{
    public static void CheckStatic(EntryContext context)
    {
        var endpoints = context.Spec.Endpoints;
        for (var i = 0; i < endpoints.Count; i++)
        {
            var endpoint = endpoints[i];
            var address = endpoint.Address ?? string.Empty;
            if (address.Length == 0)
            {
                // Istio validateWorkloadEntry: address is required, and the rest of the endpoint is skipped (rule 22).
                if (string.IsNullOrEmpty(endpoint.Network))
                {
                    context.Report(
                        IstioCodes.EndpointAddressRequired,
                        SpecPaths.Endpoint(i),
                        $"endpoint {i} has no address (and no network)",
                        "give the endpoint an IP address, e.g. address: 10.0.0.5");
                    continue;
                }

                // Istio validateWorkloadEntry: address is unset with network (rule 23, warning).
                context.Report(
                    IstioCodes.EndpointNetworkOnly,
                    SpecPaths.Endpoint(i),
                    $"endpoint {i} has network '{endpoint.Network}' but no address",
                    "add the endpoint's address, unless it is reached only through that network's east-west gateway");
            }

            var isUnix = UnixAddress.IsUnix(address);
            if (isUnix)
            {
                // Istio ValidateUnixAddress and validateWorkloadEntry (rule 24).
                if (!UnixAddress.IsValidPath(address.AsSpan(UnixAddress.Prefix.Length)))
                {
                    context.Report(
                        IstioCodes.UnixAddressInvalid,
                        SpecPaths.Endpoint(i, "address"),
                        address.Length == UnixAddress.Prefix.Length
                            ? $"endpoint address '{address}' names no socket"
                            : $"endpoint address '{address}' is not an absolute path to a socket file (or an @abstract name)",
                        "write unix:///absolute/path/to/socket or unix://@abstract-name, with no trailing '/'");
                }

                if (endpoint.Ports.Count != 0)
                {
                    context.Report(
                        IstioCodes.UnixEndpointPorts,
                        SpecPaths.Endpoint(i, "ports"),
                        $"unix endpoint '{address}' has ports, but a socket has no port",
                        "remove ports from the unix endpoint");
                }
            }
            else if (address.Length != 0 && !IstioIp.IsAddress(address))
            {
                // Istio validateWorkloadEntry: endpoint address is not a valid IP address; no FQDN under STATIC (rule 25).
                context.Report(
                    IstioCodes.StaticEndpointNotIp,
                    SpecPaths.Endpoint(i, "address"),
                    $"endpoint address '{address}' is not an IP address, which resolution STATIC requires",
                    StaticAddressHint(address));
            }

            CheckPorts(context, endpoint, i);
            CheckLabels(context, endpoint, i);

            // Istio validateWorkloadEntry: exactly 1 service port required for unix endpoints (rule 24).
            if (isUnix && context.DistinctPortNameCount() != 1)
            {
                context.Report(
                    IstioCodes.UnixEndpointPorts,
                    SpecPaths.Ports,
                    $"unix endpoint '{address}' needs exactly one service port, but the entry declares {context.DistinctPortNameCount()} distinct port name(s)",
                    "declare exactly one port on an entry with unix endpoints");
            }
        }
    }

    public static void CheckDns(EntryContext context)
    {
        var endpoints = context.Spec.Endpoints;
        for (var i = 0; i < endpoints.Count; i++)
        {
            var endpoint = endpoints[i];
            var address = endpoint.Address ?? string.Empty;

            // Istio ValidateServiceEntry: endpoint address is not a valid FQDN or an IP address (rule 30).
            // Unlike STATIC, a network does not excuse an empty address here.
            if (!IstioIp.IsAddress(address) && !DnsNames.CheckFqdn(address).IsValid)
            {
                context.Report(
                    IstioCodes.DnsEndpointAddressInvalid,
                    address.Length == 0 ? SpecPaths.Endpoint(i) : SpecPaths.Endpoint(i, "address"),
                    address.Length == 0
                        ? $"endpoint {i} has no address; with resolution {context.ResolutionText} every endpoint needs an IP or a host name"
                        : $"endpoint address '{address}' is neither an IP address nor a host name",
                    DnsAddressHint(address));
            }

            CheckLabels(context, endpoint, i);
            CheckPorts(context, endpoint, i);
        }
    }

    /// <summary>Endpoint <c>ports</c>: keys are declared port names, values 1..65535 (rule 26).</summary>
    private static void CheckPorts(EntryContext context, WorkloadEntry endpoint, int index)
    {
        foreach (var (name, number) in endpoint.Ports)
        {
            var path = SpecPaths.EndpointPort(index, name);

            // Istio: endpoint port is not defined by the service entry (Istio's text prints the number, not the name).
            if (!context.HasPortName(name))
            {
                context.Report(
                    IstioCodes.EndpointPortUndeclared,
                    path,
                    $"endpoint port '{name}' (mapped to {number}) is not the name of any port of this entry (declared: {context.DescribePortNames()})",
                    "key endpoint ports by a name from ports[].name, e.g. ports: { " + (context.Spec.Ports.Count > 0 ? context.PortName(0) : "https-443") + ": 8443 }");
            }

            // Istio ValidatePortName on the key.
            if (!DnsNames.IsLabel(name))
            {
                context.Report(
                    IstioCodes.EndpointPortInvalid,
                    path,
                    $"endpoint port name '{name}' is not a DNS-1123 label",
                    "use the port's name as declared in ports[].name");
            }

            // Istio ValidatePort on the value: 0 is invalid.
            if (!PortRules.InPortRange(number))
            {
                context.Report(
                    IstioCodes.EndpointPortInvalid,
                    path,
                    $"endpoint port '{name}' maps to {number}, which is outside 1..65535",
                    "map the port to the endpoint's port number, between 1 and 65535");
            }
        }
    }

    /// <summary>Endpoint <c>labels</c>, Kubernetes label syntax (rules 27, 31).</summary>
    private static void CheckLabels(EntryContext context, WorkloadEntry endpoint, int index)
    {
        foreach (var (key, value) in endpoint.Labels)
        {
            if (!LabelSyntax.IsValidKey(key))
            {
                context.Report(
                    IstioCodes.EndpointLabelInvalid,
                    SpecPaths.EndpointLabel(index, key),
                    $"endpoint label key '{key}' is not a valid label key",
                    "use a key like 'version' or 'example.com/tier': an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
            }

            if (!LabelSyntax.IsValidValue(value))
            {
                context.Report(
                    IstioCodes.EndpointLabelInvalid,
                    SpecPaths.EndpointLabel(index, key),
                    $"endpoint label '{key}' has the value '{value}', which is not a valid label value",
                    "use letters, digits, '-', '_' and '.', starting and ending with a letter or digit (or an empty value)");
            }
        }
    }

    private static string StaticAddressHint(string address)
    {
        var colon = address.LastIndexOf(':');
        if (colon > 0 && address.IndexOf(':', StringComparison.Ordinal) == colon && IstioIp.IsAddress(address.AsSpan(0, colon)))
        {
            return $"write the address without a port ({address[..colon]}) and map the port under the endpoint's ports";
        }

        if (DnsNames.CheckFqdn(address).IsValid)
        {
            return "set resolution: DNS to use host names as endpoints, or write the endpoint's IP address";
        }

        return AddressRules.HintFor(address);
    }

    private static string DnsAddressHint(string address)
    {
        if (address.Length == 0)
        {
            return "give the endpoint an IP address or a host name; under DNS resolution a network alone is not enough";
        }

        if (UnixAddress.IsUnix(address))
        {
            return "unix sockets need resolution: STATIC";
        }

        if (IstioIp.LooksLikeIpv4(address))
        {
            return AddressRules.HintFor(address);
        }

        if (address.Contains(':', StringComparison.Ordinal) && !address.Contains("::", StringComparison.Ordinal))
        {
            return $"write only the host name or IP ({address[..address.IndexOf(':', StringComparison.Ordinal)]}) and map the port under the endpoint's ports";
        }

        if (address.Contains('*', StringComparison.Ordinal))
        {
            return "an endpoint must name one host; wildcards are not allowed";
        }

        return HostRules.HintFor(address) ?? "write an IP address or a host name such as backend.example.com";
    }
}
