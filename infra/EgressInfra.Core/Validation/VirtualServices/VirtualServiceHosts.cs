using EgressInfra.Core.Validation.Istio.Syntax;

namespace EgressInfra.Core.Validation.VirtualServices;

/// <summary>Host syntax for VirtualService hosts and SNI hosts (agent.ValidateWildcardDomain and its gateway variant).</summary>
public static class VirtualServiceHosts
{
    /// <summary>Null when the host is a valid (wildcard) domain.</summary>
    public static string? CheckDomain(string host) =>
        DnsNames.CheckWildcardDomain(host) is { IsValid: false } check ? $"\"{host}\" is not a valid host: {check.Describe()}" : null;

    /// <summary>
    /// ValidateWildcardDomainForVirtualServiceBoundToGateway: with SNI, Istio's own
    /// outbound_.PORT_.SUBSET_.HOST names are accepted too.
    /// </summary>
    public static string? CheckBoundToGateway(string host, bool sni)
    {
        if (host.Length == 0)
        {
            return "an empty host is not allowed";
        }

        if (sni && host.StartsWith("outbound_", StringComparison.Ordinal))
        {
            var parts = host.Split('_', 4);
            if (parts.Length != 4)
            {
                return $"\"{host}\" is not a valid outbound_.PORT_.SUBSET_.HOST name";
            }

            // parts: "outbound", ".PORT", ".SUBSET", ".HOST"
            var port = parts[1].TrimStart('.');
            var name = parts[3].TrimStart('.');
            return port.Any(char.IsAsciiDigit) && name.Any(char.IsAsciiLetter) ? null : $"\"{host}\" is not a valid outbound_.PORT_.SUBSET_.HOST name";
        }

        return CheckDomain(host);
    }
}
