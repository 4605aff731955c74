using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Rules;

/// <summary>
/// Failure mode F5: addresses of different entries that overlap on one port (the same CIDR counts).
/// Mirrors istio/istio pilot/pkg/networking/core/listener.go: buildSidecarOutboundListener binds a
/// single IP as its own listener and a CIDR as a destination-prefix chain on 0.0.0.0:port;
/// mergeTCPFilterChains drops a later chain whose match equals a kept one (conflictsWith masks the
/// prefixes), so the same address or CIDR leaves one entry; Envoy sends a connection to the exact
/// listener, then to the longest prefix, so in a partial overlap the narrower entry takes the shared
/// IPs. Each port and address family is swept once over ranges sorted by start.
/// </summary>
internal sealed class OverlappingAddressesRule : IAnalysisRule
{
    public DiagnosticDescriptor Descriptor => AnalysisCodes.OverlappingAddresses;

    public IEnumerable<EntryFinding> Analyze(AnalysisIndex index)
    {
        var reported = new HashSet<(int Entry, int Address)>();
        var findings = new List<EntryFinding>();
        foreach (var ((number, _), group) in index.AddressesByPort)
        {
            if (!group.HasSeveral)
            {
                continue;
            }

            var publicSearch = group.Public.Count > 0 ? Search(group.Public) : null;

            // A public address meets every other; a scoped one meets its namespaces' and the public ones.
            if (publicSearch is not null)
            {
                var everywhere = Search(group.All());
                foreach (var item in group.Public)
                {
                    Report(everywhere, item, number, reported, findings);
                }
            }

            foreach (var list in group.ByNamespace.Values)
            {
                var local = Search(list);
                foreach (var item in list)
                {
                    if (!Report(local, item, number, reported, findings) && publicSearch is not null)
                    {
                        Report(publicSearch, item, number, reported, findings);
                    }
                }
            }
        }

        return findings;
    }

    private static IntervalSearch<AddressItem> Search(IEnumerable<AddressItem> items) =>
        new(items, static i => i.Range, static i => i.Entry.Destination);

    private bool Report(IntervalSearch<AddressItem> search, AddressItem item, long number, HashSet<(int, int)> reported, List<EntryFinding> findings)
    {
        if (!search.TryFind(item.Range, item.Entry.Destination, out var other))
        {
            return false;
        }

        if (!reported.Add((item.Entry.Index, item.Address)))
        {
            return true;
        }

        var mine = item.Entry.Spec.Addresses[item.Address];
        var theirs = other.Entry.Spec.Addresses[other.Address];
        var same = item.Range == other.Range;
        var relation = same ? $"is also declared by {other.Entry.NameFor(item.Entry)}" : $"overlaps {theirs} of {other.Entry.NameFor(item.Entry)}";
        var effect = same
            ? "a sidecar seeing both keeps the first entry's filter chain for these IPs and drops the other's (pilot_conflict_outbound_listener_tcp_over_current_tcp), " +
              "so all their traffic goes to one entry's destination"
            : "a sidecar sends each connection to the most specific match (a single IP's own listener, then the longest prefix), " +
              "so the shared IPs reach only the narrower entry's destination";
        findings.Add(item.Entry.Finding(
            Descriptor,
            $"spec.addresses[{item.Address}]",
            $"{mine} {relation} on port {number}: {effect}"));
        return true;
    }
}
