using EgressInfra.Core.Validation.Istio.Syntax;

namespace EgressInfra.Core.Validation.Gateways;

/// <summary>
/// Istio's host syntax for Gateway servers (agent.ValidateNamespaceSlashWildcardHostname with isGateway):
/// <c>[namespace/]dnsName</c>, where the namespace is '*', '.' or a DNS-1123 label and the name is a
/// full domain, '*', '*.suffix' or an IP address.
/// </summary>
public static class GatewayHosts
{
    /// <summary>Every reason Istio rejects the host; empty when it accepts it.</summary>
    /// <param name="gatewaySemantics">
    /// The Gateway was converted from a Gateway API resource (internal.istio.io/gateway-semantics:
    /// gateway): the namespace '~' (no route attached) is then accepted too.
    /// </param>
    public static IReadOnlyList<string> Problems(string host, bool gatewaySemantics = false)
    {
        var problems = new List<string>();
        var slash = host.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            NamePart(host, problems);
            return problems;
        }

        var ns = host[..slash];
        var name = host[(slash + 1)..];
        if (ns.Length == 0 || name.Length == 0)
        {
            problems.Add($"'{host}': the namespace and the host name cannot be empty");
        }

        if (ns is not ("*" or ".") && !(ns == "~" && gatewaySemantics) && !DnsNames.IsLabel(ns))
        {
            problems.Add($"'{host}': invalid namespace \"{ns}\" (use '*', '.' or a namespace name)");
        }

        NamePart(name, problems);
        return problems;
    }

    /// <summary>validateSidecarOrGatewayHostnamePart for a gateway: an IP address is also accepted.</summary>
    private static void NamePart(string name, List<string> problems)
    {
        if (name != "*" && !name.Contains('.', StringComparison.Ordinal))
        {
            problems.Add($"'{name}' is a short name; gateway hosts must be fully qualified (or '*')");
        }

        var check = DnsNames.CheckWildcardDomain(name);
        if (!check.IsValid && !IstioIp.IsAddress(name))
        {
            problems.Add($"'{name}' is not a valid host name: {check.Describe()}");
        }

        if (DnsNames.IsPartialWildcard(name))
        {
            problems.Add($"'{name}' is a partial wildcard; only '*' or a leading '*.' is allowed");
        }
    }
}
