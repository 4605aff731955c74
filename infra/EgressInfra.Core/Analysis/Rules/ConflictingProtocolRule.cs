using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Rules;

/// <summary>
/// IST0177: one exact host and port declared with different protocols (upper-cased, unset as its
/// own value) by entries, or ports of one entry, that share an export scope. Reported on each
/// entry involved, once per port.
/// </summary>
internal sealed class ConflictingProtocolRule : IAnalysisRule
{
    public DiagnosticDescriptor Descriptor => AnalysisCodes.ConflictingProtocol;

    public IEnumerable<EntryFinding> Analyze(AnalysisIndex index)
    {
        var reported = new HashSet<(int Entry, int Port)>();
        foreach (var ((host, number), group) in index.ByHostPort)
        {
            foreach (var conflict in ScopedConflicts.Find(group, i => i.Port.ProtocolKey, i => i.Entry))
            {
                var item = conflict.Item;
                if (!reported.Add((item.Entry.Index, item.Port.Index)))
                {
                    continue;
                }

                var others = conflict.Partners.Select(p => ReferenceEquals(p.Entry, item.Entry)
                    ? $"as {ProtocolFamilies.Describe(p.Port.Port.Protocol)} by {p.Port.Path} of this entry"
                    : $"as {ProtocolFamilies.Describe(p.Port.Port.Protocol)} by {p.Entry.NameFor(item.Entry)}");
                yield return item.Entry.Finding(
                    Descriptor,
                    item.Port.ProtocolPath,
                    $"{host}:{number} is declared {ProtocolFamilies.Describe(item.Port.Port.Protocol)} here and also {Naming.Join(others, conflict.More)} (IST0177): " +
                    "a proxy keeps only one of them, so calls get the other protocol's handling (TLS into an HTTP listener fails with 'wrong version number'; HTTP through a TCP one gets no routing)");
            }
        }
    }
}
