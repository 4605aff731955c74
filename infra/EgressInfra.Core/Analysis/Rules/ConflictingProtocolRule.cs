using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Rules;

/// <summary>
/// IST0177: one exact host and port declared with different protocols (upper-cased, unset as its
/// own value) by entries, or ports of one entry, that share an export scope. Reported on each
/// entry involved, once per port (istio/istio pkg/config/analysis/analyzers/serviceentry/
/// conflictingserviceentries.go, Analyze). Which one is kept mirrors istio/istio pilot/pkg/model/sidecar.go:
/// selectServices keeps one namespace's entries per host and appendSidecarServices keeps the first
/// (oldest) service's port when a port number repeats. A TLS client on a port kept as HTTP misses its
/// plaintext-only HTTP chain (listener.go, buildSidecarOutboundListener).
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
                    "a sidecar keeps only one of them (an entry of its own namespace first, else the oldest), so clients speaking the other protocol miss it (TLS to a port kept as HTTP takes the listener's " +
                    "default chain: BlackHoleCluster under REGISTRY_ONLY; HTTP to a port kept as TCP is forwarded as bytes, with no Host routing)");
            }
        }
    }
}
