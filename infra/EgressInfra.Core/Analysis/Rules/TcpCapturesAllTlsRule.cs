using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Rules;

/// <summary>
/// Failure mode F3: a TCP (or unset, which sniffs TLS as TCP) port 443 without addresses has no
/// SNI and no IP to match on, so it becomes the catch-all for every :443 connection.
/// </summary>
internal sealed class TcpCapturesAllTlsRule : IAnalysisRule
{
    public DiagnosticDescriptor Descriptor => AnalysisCodes.TcpCapturesAllTls;

    public IEnumerable<EntryFinding> Analyze(AnalysisIndex index)
    {
        foreach (var entry in index.Visible)
        {
            if (entry.HasAddresses)
            {
                continue;
            }

            foreach (var port in entry.Ports)
            {
                if (port.Number != 443 || port.Family is not (ProtocolFamily.Tcp or ProtocolFamily.Unset))
                {
                    continue;
                }

                var effect = entry.ResolvesByHostHeader
                    ? "every TLS connection to any IP on :443 matches it and is passed through, so REGISTRY_ONLY no longer blocks any HTTPS destination"
                    : $"every TLS connection to any IP on :443 is sent to {entry.FirstHost}, so HTTPS calls to other domains get its certificate and fail verification";
                yield return entry.Finding(
                    Descriptor,
                    port.ProtocolPath,
                    $"port 443 is {ProtocolFamilies.Describe(port.Port.Protocol)} with no addresses: {effect}");
            }
        }
    }
}
