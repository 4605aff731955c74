using EgressInfra.Core.Validation.Istio.Syntax;

namespace EgressInfra.Core.Validation.Istio;

/// <summary>
/// Istio's ValidateNamespaceSlashWildcardHostname for a Sidecar egress host (isGateway false):
/// <c>namespace/dnsName</c>, the namespace <c>*</c>, <c>.</c> or a DNS label, optionally
/// <c>~</c>-prefixed; the name <c>*</c>, a wildcard domain or an FQDN, never a short name, never a
/// partial wildcard, and (as every Istio domain) not ending in an all-numeric label.
/// </summary>
public static class SidecarHostRules
{
    /// <summary>Every problem Istio reports for <paramref name="host"/>, in its order; empty when valid.</summary>
    public static IReadOnlyList<string> Check(string host)
    {
        var problems = new List<string>();
        var slash = host.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            problems.Add("host must be of form namespace/dnsName");
            return problems;
        }

        var ns = host[..slash];
        var name = host[(slash + 1)..];
        if (ns.Length == 0 || name.Length == 0)
        {
            problems.Add("config namespace and dnsName in host entry cannot be empty");
        }

        var bare = ns.StartsWith('~') ? ns[1..] : ns;
        if (bare.Length != 0 && bare != "*" && bare != "." && !DnsNames.IsLabel(bare))
        {
            problems.Add($"invalid namespace value \"{ns}\" in sidecar");
        }

        if (name != "*" && !name.Contains('.', StringComparison.Ordinal))
        {
            problems.Add("short names (non FQDN) are not allowed");
        }

        var domain = DnsNames.CheckWildcardDomain(name);
        if (!domain.IsValid)
        {
            problems.Add($"domain name \"{name}\" invalid: {domain.Describe()}");
        }

        if (DnsNames.IsPartialWildcard(name))
        {
            problems.Add($"partial wildcard \"{name}\" not allowed");
        }

        return problems;
    }
}
