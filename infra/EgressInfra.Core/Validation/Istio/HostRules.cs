using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Validation.Istio.Syntax;

namespace EgressInfra.Core.Validation.Istio;

/// <summary>ServiceEntry <c>hosts</c> (rules 7–10). Upper case, short names and a trailing dot are all fine.</summary>
internal static class HostRules
{
    public static void Check(EntryContext context)
    {
        var hosts = context.Spec.Hosts;

        // Istio ValidateServiceEntry: service entry must have at least one host (rule 7).
        if (hosts.Count == 0)
        {
            context.Report(IstioCodes.HostsMissing, SpecPaths.Hosts, "the ServiceEntry lists no hosts", "add the external host name, e.g. hosts: [api.example.com]");
        }

        for (var i = 0; i < hosts.Count; i++)
        {
            var host = hosts[i];

            // Istio ValidateServiceEntry: invalid host * (rule 8); the CRD rejects it too.
            if (host == "*")
            {
                context.Report(
                    IstioCodes.HostFullWildcard,
                    SpecPaths.Host(i),
                    "host '*' would match every destination; a ServiceEntry cannot declare it",
                    "name the domain, e.g. '*.example.com'; to allow all egress use outboundTrafficPolicy ALLOW_ANY instead");
                continue;
            }

            // Istio ValidateWildcardDomain (rule 9): IP literals, URLs, ports and inner wildcards all fail here.
            var check = DnsNames.CheckWildcardDomain(host);
            if (!check.IsValid)
            {
                context.Report(
                    IstioCodes.HostInvalid,
                    SpecPaths.Host(i),
                    $"host '{host}' is not a valid host name: {check.Describe()}",
                    HintFor(host));
            }

            // Istio ValidatePartialWildCard, wrapped as a warning; DYNAMIC_DNS is exempt (rule 10).
            if (context.Resolution != IstioResolution.DynamicDns && DnsNames.IsPartialWildcard(host))
            {
                var better = host.Length > 1 && char.IsAsciiLetterOrDigit(host[1]) ? $"'*.{host[1..]}'" : "'*.example.com'";
                context.Report(
                    IstioCodes.HostPartialWildcard,
                    SpecPaths.Host(i),
                    $"host '{host}' has a partial wildcard; Istio admits it with a warning, but only a leading '*.' label is a supported wildcard",
                    $"use a whole-label wildcard such as {better}, or list the exact hosts");
            }
        }
    }

    /// <summary>How to fix the usual mistakes: a URL, a port, an IP literal, a wildcard in the middle.</summary>
    internal static string? HintFor(string host)
    {
        var text = host.Trim();
        if (text.Length == 0)
        {
            return "remove the empty host, or write the host name";
        }

        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var name = HostOfUrl(text[(scheme + 3)..]);
            return name.Length > 0
                ? $"write only the host name: {name} (a ServiceEntry matches hosts, not URLs; declare the port in ports)"
                : "write only the host name, without scheme or path";
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var name = StripPort(text[..slash]);
            return IstioIp.IsAddressOrPrefix(text)
                ? "put IP addresses and CIDR blocks in addresses; hosts takes DNS names"
                : $"write only the host name: {name} (a ServiceEntry cannot match paths)";
        }

        var bare = text.StartsWith('[') && text.Contains(']', StringComparison.Ordinal) ? text[1..text.IndexOf(']', StringComparison.Ordinal)] : text;
        if (IstioIp.IsAddress(bare) || IstioIp.IsAddress(StripPort(text)) || IstioIp.LooksLikeIpv4(text))
        {
            return "put IP addresses in addresses (with resolution NONE or STATIC) and give hosts a DNS name; an IP is not a valid host";
        }

        var colon = text.LastIndexOf(':');
        if (colon > 0 && colon < text.Length - 1 && !text.AsSpan(colon + 1).ContainsAnyExceptInRange('0', '9'))
        {
            return $"write only the host name {text[..colon]} and declare port {text[(colon + 1)..]} in ports";
        }

        var star = text.IndexOf('*', StringComparison.Ordinal);
        if (star > 0)
        {
            return "a wildcard may only start the host, as in '*.example.com'; list the exact hosts otherwise";
        }

        if (text.Contains('_', StringComparison.Ordinal))
        {
            return "host names may not contain '_'; use '-' or the service's real DNS name";
        }

        if (text.Length != host.Length)
        {
            return $"remove the spaces: {text}";
        }

        return null;
    }

    private static string HostOfUrl(string rest)
    {
        var end = rest.IndexOfAny(['/', '?', '#']);
        var authority = end < 0 ? rest : rest[..end];
        var at = authority.LastIndexOf('@');
        return StripPort(at >= 0 ? authority[(at + 1)..] : authority);
    }

    private static string StripPort(string authority)
    {
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? authority[1..close] : authority;
        }

        var colon = authority.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && authority.IndexOf(':', colon + 1) < 0 ? authority[..colon] : authority;
    }
}
