using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Rules;

/// <summary>
/// Failure mode F6: one host spread over entries that declare different ports or protocols. Each
/// entry becomes its own service for the host. Mirrors istio/istio pilot/pkg/model/sidecar.go:
/// selectServices keeps one namespace per host (the sidecar's own first), and appendSidecarServices
/// merges the ports of that namespace's entries only when canMergeServices holds (same resolution,
/// labels, selector and exportTo; the builder's per-service label rules that out for its own
/// entries), otherwise it keeps the first (oldest) entry.
/// </summary>
internal sealed class SplitHostRule : IAnalysisRule
{
    public DiagnosticDescriptor Descriptor => AnalysisCodes.SplitHost;

    public IEnumerable<EntryFinding> Analyze(AnalysisIndex index)
    {
        foreach (var (host, group) in index.ByHost)
        {
            foreach (var conflict in ScopedConflicts.Find(group, i => i.Entry.PortSignature, i => i.Entry))
            {
                var item = conflict.Item;
                var others = conflict.Partners.Select(p => $"{p.Entry.NameFor(item.Entry)} ({Naming.Ports(p.Entry.Ports)})");
                yield return item.Entry.Finding(
                    Descriptor,
                    $"spec.hosts[{item.Host}]",
                    $"{host} is declared here with {Naming.Ports(item.Entry.Ports)} and also by {Naming.Join(others, conflict.More)}: " +
                    "a sidecar keeps one entry per host (one from its own namespace first, then the oldest; ports are merged only between entries of one namespace " +
                    "with the same resolution, labels and exportTo), so the other entries' ports are missing there: calls to them get the listener's default " +
                    "(BlackHoleCluster under REGISTRY_ONLY) or another entry's protocol");
            }
        }
    }
}
