using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Rules;

/// <summary>
/// Failure mode F2: an HTTP-family protocol on 443 gives every proxy that sees the entry an HTTP
/// listener on 0.0.0.0:443, which swallows the TLS of every other HTTPS call in the mesh.
/// </summary>
internal sealed class HttpOnTlsPortRule : IAnalysisRule
{
    public DiagnosticDescriptor Descriptor => AnalysisCodes.HttpOnTlsPort;

    public IEnumerable<EntryFinding> Analyze(AnalysisIndex index)
    {
        foreach (var entry in index.Visible)
        {
            foreach (var port in entry.Ports)
            {
                if (port.Number == 443 && port.Family == ProtocolFamily.Http)
                {
                    yield return entry.Finding(
                        Descriptor,
                        port.ProtocolPath,
                        $"port 443 is declared {port.Port.Protocol}: the sidecars that import this entry (its namespace, and namespaces its exportTo " +
                        "allows whose Sidecar egress hosts name it) build an HTTP listener on 0.0.0.0:443; there, TLS to any :443 host without its own " +
                        "TLS entry falls through to the listener's catch-all chain (BlackHoleCluster under REGISTRY_ONLY, PassthroughCluster under " +
                        "ALLOW_ANY), and a client that speaks TLS to this host gets 'wrong version number'");
                }
            }
        }
    }
}
