using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Rules;

/// <summary>
/// Failure mode F6: one host spread over entries that declare different ports or protocols. Each
/// entry becomes its own service for the host; proxies pick one, so only that entry's ports work.
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
                    "proxies keep one service per host, so only some of these ports work and the others get 'connection reset by peer' or the wrong protocol");
            }
        }
    }
}
