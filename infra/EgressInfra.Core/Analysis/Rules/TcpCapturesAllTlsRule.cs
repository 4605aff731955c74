using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Rules;

/// <summary>
/// Failure mode F3: a TCP (or unset, which sniffs TLS as TCP) port 443 without addresses has no
/// SNI and no IP to match on, so it becomes the catch-all for every :443 connection. Mirrors
/// istio/istio pilot/pkg/networking/core/listener.go: buildSidecarOutboundListener binds such a port
/// to 0.0.0.0:443 (the service address is 0.0.0.0), tls.go buildSidecarOutboundTCPFilterChainOpts
/// gives it a chain with no match, and buildListenerFromEntry makes that chain the listener's
/// default, behind any SNI chains of TLS entries; cluster.go convertResolution makes resolution
/// NONE an ORIGINAL_DST cluster.
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
                    ? "is passed through to the IP the client dialled, so REGISTRY_ONLY no longer blocks undeclared HTTPS destinations"
                    : $"is sent to {entry.FirstHost}, so HTTPS calls to other domains get its certificate and fail verification";
                yield return entry.Finding(
                    Descriptor,
                    port.ProtocolPath,
                    $"port 443 is {ProtocolFamilies.Describe(port.Port.Protocol)} with no addresses: its chain becomes the default of 0.0.0.0:443, " +
                    $"so every :443 connection that no entry's address or TLS entry's SNI claims {effect}");
            }
        }
    }
}
