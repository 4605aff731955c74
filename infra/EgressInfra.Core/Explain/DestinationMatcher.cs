using System.Net;
using EgressInfra.Core.Manifests;

namespace EgressInfra.Core.Explain;

/// <summary>
/// Istio's matching of a destination against ServiceEntries and Sidecar imports, reduced to what a
/// stack's model decides: host names (exact, or <c>*.</c> wildcards that cover subdomains but not the
/// apex), addresses and CIDR ranges, <c>exportTo</c> and <c>namespace/host</c> imports.
/// </summary>
public static class DestinationMatcher
{
    /// <summary>How <paramref name="declared"/> (an entry or import host) covers <paramref name="host"/>; null when it does not.</summary>
    public static HostMatchKind? MatchHost(string declared, string host)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(host);
        if (string.Equals(declared, host, StringComparison.OrdinalIgnoreCase))
        {
            return HostMatchKind.Exact;
        }

        if (declared == "*")
        {
            return HostMatchKind.Wildcard;
        }

        // "*.example.com" covers "a.example.com" and "a.b.example.com"; the label before the suffix must not be empty.
        if (declared.StartsWith("*.", StringComparison.Ordinal)
            && host.Length > declared.Length - 1
            && host.EndsWith(declared[1..], StringComparison.OrdinalIgnoreCase))
        {
            return HostMatchKind.Wildcard;
        }

        return null;
    }

    /// <summary>True when <paramref name="declared"/> is <c>*.host</c>: the apex that a wildcard leaves out.</summary>
    public static bool LeavesOutApex(string declared, string host) =>
        declared.StartsWith("*.", StringComparison.Ordinal) && string.Equals(declared[2..], host, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="declared"/> (an IP or a CIDR range) contains <paramref name="address"/>.</summary>
    public static bool ContainsAddress(string declared, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(address);
        if (declared.Contains('/', StringComparison.Ordinal))
        {
            return IPNetwork.TryParse(declared, out var network) && network.Contains(address);
        }

        return IPAddress.TryParse(declared, out var single) && single.Equals(address);
    }

    /// <summary>The most specific way <paramref name="spec"/> covers <paramref name="host"/>, and the host or address that does.</summary>
    public static (HostMatchKind Kind, string Declared)? Match(ServiceEntrySpec spec, string host)
    {
        ArgumentNullException.ThrowIfNull(spec);
        (HostMatchKind Kind, string Declared)? best = null;
        foreach (var declared in spec.Hosts)
        {
            if (MatchHost(declared, host) is { } kind && (best is null || kind < best.Value.Kind))
            {
                best = (kind, declared);
            }
        }

        if (best is null && IPAddress.TryParse(host, out var address))
        {
            var range = spec.Addresses.FirstOrDefault(a => ContainsAddress(a, address));
            if (range is not null)
            {
                best = (HostMatchKind.Address, range);
            }
        }

        return best;
    }

    /// <summary>
    /// Whether an entry placed in <paramref name="entryNamespace"/> is exported to <paramref name="fromNamespace"/>.
    /// An empty exportTo is Istio's default, "*" (meshes can change it; the builder never leaves it empty).
    /// </summary>
    public static bool IsExported(ServiceEntrySpec spec, string entryNamespace, string fromNamespace)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.ExportTo.Count == 0 || spec.ExportTo.Contains("*"))
        {
            return true;
        }

        return (spec.ExportTo.Contains(".") && entryNamespace == fromNamespace) || spec.ExportTo.Contains(fromNamespace);
    }

    /// <summary>The first Sidecar import (<c>ns/host</c>) that brings the entry into <paramref name="fromNamespace"/>; null when none does.</summary>
    public static string? ImportFor(SidecarSpec sidecar, ServiceEntrySpec spec, string entryNamespace, string fromNamespace)
    {
        ArgumentNullException.ThrowIfNull(sidecar);
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var import in sidecar.EgressHosts)
        {
            var slash = import.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0)
            {
                continue;
            }

            var ns = import[..slash];
            var host = import[(slash + 1)..];
            var namespaceMatches = ns switch
            {
                "." => entryNamespace == fromNamespace,
                "*" => true,
                "~" => false,
                _ => ns == entryNamespace,
            };
            if (namespaceMatches && (host == "*" || spec.Hosts.Any(h => MatchHost(host, h) is not null)))
            {
                return import;
            }
        }

        return null;
    }
}
