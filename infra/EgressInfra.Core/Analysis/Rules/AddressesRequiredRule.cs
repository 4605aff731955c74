using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Rules;

/// <summary>
/// IST0134 as istioctl analyze computes it: a port whose protocol is unset or TCP (any case) on an
/// entry without <c>spec.addresses</c>, whatever the resolution, assuming no mesh-wide DNS capture
/// with auto-allocation (istio/istio pkg/config/analysis/analyzers/serviceentry/protocoladdresses.go,
/// analyzeProtocolAddresses). The listener claim mirrors istio/istio pilot/pkg/networking/core/listener.go,
/// buildSidecarOutboundListener: a TCP or sniffed port binds to the service address, which is
/// 0.0.0.0 for an entry without addresses.
/// </summary>
internal sealed class AddressesRequiredRule : IAnalysisRule
{
    public DiagnosticDescriptor Descriptor => AnalysisCodes.AddressesRequired;

    public IEnumerable<EntryFinding> Analyze(AnalysisIndex index)
    {
        foreach (var entry in index.Entries)
        {
            if (entry.HasAddresses)
            {
                continue;
            }

            foreach (var port in entry.Ports)
            {
                if (port.ProtocolKey is "" or "TCP")
                {
                    yield return entry.Finding(
                        Descriptor,
                        port.ProtocolPath,
                        $"port {port.Describe()} has no addresses (IST0134): the sidecar can only match it as 0.0.0.0:{port.Number}, " +
                        $"so it cannot tell this destination from any other on port {port.Number} and connections may reach the wrong server");
                }
            }
        }
    }
}
