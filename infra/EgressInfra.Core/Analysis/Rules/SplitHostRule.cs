using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Rules;

/// <summary>
/// Failure mode F6: one host spread over entries that declare different ports or protocols. Each
/// entry becomes its own service for the host. Mirrors istio/istio pilot/pkg/model/sidecar.go:
/// selectServices keeps one namespace per host (the sidecar's own first), and appendSidecarServices
/// merges the ports of that namespace's entries only when canMergeServices holds (same resolution,
/// labels, selector and exportTo; the builder's per-service label rules that out for its own
/// entries), otherwise it keeps the first (oldest) entry. Entries Istio merges are not reported.
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

                // Partners Istio merges with this entry are harmless; with more partners than named, stay cautious.
                var partners = conflict.Partners.Where(p => !IstioMergesPorts(item.Entry, p.Entry)).ToList();
                if (partners.Count == 0)
                {
                    if (!conflict.More)
                    {
                        continue;
                    }

                    partners = [.. conflict.Partners];
                }

                var others = partners.Select(p => $"{p.Entry.NameFor(item.Entry)} ({Naming.Ports(p.Entry.Ports)})");
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

    /// <summary>
    /// canMergeServices in istio/istio pilot/pkg/model/sidecar.go: one namespace, resolution, label set,
    /// workload selector and exportTo. appendSidecarServices then keeps the first entry's port where a
    /// number repeats, so a repeated number must also agree on the protocol.
    /// </summary>
    private static bool IstioMergesPorts(AnalyzedEntry a, AnalyzedEntry b) =>
        a.Namespace == b.Namespace &&
        a.Resolution == b.Resolution &&
        a.Entry.Metadata.Labels.Equals(b.Entry.Metadata.Labels) &&
        Equals(a.Spec.WorkloadSelector, b.Spec.WorkloadSelector) &&
        a.Spec.ExportTo.ToHashSet(StringComparer.Ordinal).SetEquals(b.Spec.ExportTo) &&
        a.Ports.All(pa => b.Ports.All(pb => pa.Number != pb.Number || pa.ProtocolKey == pb.ProtocolKey));
}
