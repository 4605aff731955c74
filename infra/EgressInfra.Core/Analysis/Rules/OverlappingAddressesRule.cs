using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Rules;

/// <summary>
/// Failure mode F5: addresses of different entries that overlap on one port (the same CIDR counts).
/// Mirrors istio/istio pilot/pkg/networking/core/listener.go: buildSidecarOutboundListener binds a
/// single IP as its own listener and a CIDR as a destination-prefix chain on 0.0.0.0:port;
/// mergeTCPFilterChains drops a later chain whose match equals a kept one (conflictsWith masks the
/// prefixes), so the same address or CIDR leaves one entry; Envoy sends a connection to the exact
/// listener, then to the longest prefix, so in a partial overlap the narrower entry takes the shared
/// IPs. HTTP ports are left out: Istio ignores their addresses. Each port and address family is
/// swept once over ranges sorted by start.
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

            var publicItems = group.Public.Where(BindsAddress).ToList();
            var publicSearch = publicItems.Count > 0 ? Search(publicItems) : null;

            // A public address meets every other; a scoped one meets its namespaces' and the public ones.
            if (publicSearch is not null)
            {
                var all = group.All().Where(BindsAddress).ToList();
                var everywhere = Search(all);
                foreach (var item in publicItems)
                {
                    Report(everywhere, all, item, number, reported, findings);
                }
            }

            foreach (var list in group.ByNamespace.Values)
            {
                var bound = list.Where(BindsAddress).ToList();
                var local = Search(bound);
                foreach (var item in bound)
                {
                    if (!Report(local, bound, item, number, reported, findings) && publicSearch is not null)
                    {
                        Report(publicSearch, publicItems, item, number, reported, findings);
                    }
                }
            }
        }

        return findings;
    }

    /// <summary>
    /// Istio binds addresses only for TCP-like and sniffed ports; an HTTP port always listens on
    /// 0.0.0.0 and routes by Host, and UDP builds no listener (buildSidecarOutboundListener).
    /// </summary>
    private static bool BindsAddress(AddressItem item) => item.Port.Family is not (ProtocolFamily.Http or ProtocolFamily.Other);

    private static IntervalSearch<AddressItem> Search(IEnumerable<AddressItem> items) =>
        new(items, static i => i.Range, static i => i.Entry.Destination);

    /// <summary>
    /// The same CIDR on two TLS ports: Istio adds each host's SNI to its CIDR chain (tls.go,
    /// buildSidecarOutboundTLSFilterChainOpts), so the chains differ and both work.
    /// </summary>
    private static bool TellsApartBySni(AddressItem a, AddressItem b) =>
        SameIps(a, b) && a.Port.Family == ProtocolFamily.Tls && b.Port.Family == ProtocolFamily.Tls &&
        a.Entry.Spec.Addresses[a.Address].Contains('/') && b.Entry.Spec.Addresses[b.Address].Contains('/');

    /// <summary>Equal as Istio compares them (conflictsWith masks host bits).</summary>
    private static bool SameIps(AddressItem a, AddressItem b) => a.Range.Start == b.Range.Start && a.Range.End == b.Range.End;

    private bool Report(
        IntervalSearch<AddressItem> search, IReadOnlyList<AddressItem> candidates, AddressItem item, long number, HashSet<(int, int)> reported, List<EntryFinding> findings)
    {
        if (!search.TryFind(item.Range, item.Entry.Destination, out var other))
        {
            return false;
        }

        // Rare: the partner found is told apart by SNI; look for one that is not, among all candidates.
        if (TellsApartBySni(item, other))
        {
            var found = false;
            foreach (var candidate in candidates)
            {
                if (candidate.Entry.Destination != item.Entry.Destination && candidate.Range.Start <= item.Range.End &&
                    item.Range.Start <= candidate.Range.End && !TellsApartBySni(item, candidate))
                {
                    (other, found) = (candidate, true);
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        if (!reported.Add((item.Entry.Index, item.Address)))
        {
            return true;
        }

        var mine = item.Entry.Spec.Addresses[item.Address];
        var theirs = other.Entry.Spec.Addresses[other.Address];
        var same = SameIps(item, other);
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
