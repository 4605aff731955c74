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
                        $"port 443 is declared {port.Port.Protocol}: sidecars that see this entry get an HTTP listener on 0.0.0.0:443, " +
                        "so HTTPS calls to any host on :443 fail with 'wrong version number' or 'SSL23_GET_SERVER_HELLO:unknown protocol'");
                }
            }
        }
    }
}
