using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Rules;

/// <summary>
/// Failure mode F5: addresses of different entries that overlap on one port (the same CIDR counts)
/// give a proxy two listeners or filter chains for the same IPs; Envoy rejects the listener update
/// or resets connections. Each port and address family is swept once over ranges sorted by start.
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
        var relation = item.Range == other.Range ? $"is also declared by {other.Entry.NameFor(item.Entry)}" : $"overlaps {theirs} of {other.Entry.NameFor(item.Entry)}";
        findings.Add(item.Entry.Finding(
            Descriptor,
            $"spec.addresses[{item.Address}]",
            $"{mine} {relation} on port {number}: a proxy seeing both gets two listeners for the same IPs, " +
            "so it rejects the listener update (pods stay not ready: 'lds updates: ... rejected') or connections reset intermittently"));
        return true;
    }
}
