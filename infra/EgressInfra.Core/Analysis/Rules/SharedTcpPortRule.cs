using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Rules;

/// <summary>
/// Failure mode F4: opaque TCP ports without addresses all become 0.0.0.0:port; when entries for
/// different destinations meet in one proxy, one filter chain wins and the others are unreachable.
/// Copies of one service in several namespaces reach the same place and do not count. Mirrors
/// istio/istio pilot/pkg/networking/core/listener.go: buildSidecarOutboundListener keys them all
/// on 0.0.0.0:port, and mergeTCPFilterChains drops each later chain whose match equals one already
/// kept (conflictsWith), counting it in pilot_conflict_outbound_listener_tcp_over_current_tcp.
/// </summary>
internal sealed class SharedTcpPortRule : IAnalysisRule
{
    public DiagnosticDescriptor Descriptor => AnalysisCodes.SharedTcpPort;

    public IEnumerable<EntryFinding> Analyze(AnalysisIndex index)
    {
        foreach (var (number, group) in index.OpaquePortsWithoutAddresses)
        {
            foreach (var conflict in ScopedConflicts.Find(group, i => i.Entry.Destination, i => i.Entry))
            {
                var item = conflict.Item;
                var others = conflict.Partners.Select(p => p.Entry.NameFor(item.Entry));
                yield return item.Entry.Finding(
                    Descriptor,
                    item.Port.Path,
                    $"port {item.Port.Describe()} has no addresses and neither has port {number} of {Naming.Join(others, conflict.More)}: they share the listener 0.0.0.0:{number} " +
                    $"with identical catch-all chains; istiod keeps the first entry's (the oldest it sees) and drops the others', so every connection on port {number} " +
                    "goes to one destination and calls to the others reach the wrong server or time out");
            }
        }
    }
}
