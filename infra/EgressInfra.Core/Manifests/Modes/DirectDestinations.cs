using System.Globalization;
using EgressInfra.Core.Analysis;
using EgressInfra.Core.Config;

namespace EgressInfra.Core.Manifests.Modes;

/// <summary>
/// Where a service's traffic goes when a pod's sidecar sends it straight out, in the terms a
/// NetworkPolicy understands: CIDRs and ports. With resolution DNS the addresses are whatever the
/// name resolves to at the time, which a NetworkPolicy cannot follow.
/// </summary>
internal static class DirectDestinations
{
    /// <summary>The CIDRs the traffic leaves to, canonical and sorted; null when they are not known in advance (DNS).</summary>
    public static IReadOnlyList<string>? Cidrs(ExternalService service)
    {
        IEnumerable<string> written = service.Resolution switch
        {
            // NONE forwards to the address the application dialled, which the entry's addresses bound.
            ServiceResolution.None when service.Addresses.Count > 0 => service.Addresses,
            ServiceResolution.Static when service.Endpoints.Count > 0 => service.Endpoints.Select(e => e.Address),
            _ => [],
        };
        var ranges = new List<string>();
        foreach (var text in written)
        {
            if (!AddressRange.TryParse(text, out var range))
            {
                return null;
            }

            ranges.Add(range.Canonical);
        }

        return ranges.Count == 0 ? null : [.. ranges.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>True when every destination address is a single address (a /32 or /128): what a gateway bypass may open.</summary>
    public static bool AreExact(ExternalService service) =>
        Cidrs(service) is { } cidrs && cidrs.All(c => c.EndsWith("/32", StringComparison.Ordinal) || c.EndsWith("/128", StringComparison.Ordinal));

    /// <summary>The (protocol, port) pairs on the wire: endpoint port overrides, else targetPort, else the port.</summary>
    public static IReadOnlyList<NetworkPolicyPort> Ports(ExternalService service)
    {
        var result = new SortedSet<(string Protocol, long Port)>();
        foreach (var port in service.Ports)
        {
            var protocol = port.Protocol == ServiceProtocol.Udp ? "UDP" : "TCP";
            var overrides = service.Resolution == ServiceResolution.Static
                ? service.Endpoints.Select(e => e.Ports.TryGetValue(port.EffectiveName, out var n) ? n : (int?)null).ToList()
                : [];
            if (overrides.Count > 0)
            {
                foreach (var n in overrides)
                {
                    result.Add((protocol, n ?? port.DestinationPort));
                }
            }
            else
            {
                result.Add((protocol, service.Resolution == ServiceResolution.None ? port.Number : port.DestinationPort));
            }
        }

        return [.. result.Select(p => new NetworkPolicyPort(p.Protocol, p.Port))];
    }

    public static string Describe(NetworkPolicyPort port) =>
        string.Create(CultureInfo.InvariantCulture, $"{port.Port}/{port.Protocol}");
}
