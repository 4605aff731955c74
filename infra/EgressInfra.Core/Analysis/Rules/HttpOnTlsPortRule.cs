using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Rules;

/// <summary>
/// Failure mode F2: an HTTP-family protocol on 443. Mirrors istio/istio
/// pilot/pkg/networking/core/listener.go, buildSidecarOutboundListener: an HTTP port always binds
/// 0.0.0.0:443 and, on that wildcard, its HTTP chain only matches plaintext HTTP (application
/// protocols set by the HTTP inspector, transport raw_buffer), so TLS misses it and takes the
/// default chain buildListenerFromEntry adds (buildOutboundCatchAllNetworkFiltersOnly in
/// listener_builder.go: BlackHoleCluster, or PassthroughCluster under ALLOW_ANY). HTTP_PROXY skips
/// that match and the conflict handling (the entry it builds replaces the port's earlier one): its
/// chain takes every connection and the HTTP codec answers TLS in plaintext.
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
                    var effect = port.ProtocolKey == "HTTP_PROXY"
                        ? "its HTTP chain takes every connection on the port (and replaces the chains of TLS entries processed before it), so TLS to any " +
                          ":443 destination without its own address is parsed as HTTP and the client gets 'wrong version number'"
                        : $"its HTTP chain matches only plaintext HTTP, so https:// calls to {entry.FirstHost} miss the entry and take the listener's " +
                          "default chain (reset by BlackHoleCluster under REGISTRY_ONLY, PassthroughCluster under ALLOW_ANY), while plaintext " +
                          "requests to :443 go upstream unencrypted unless a DestinationRule originates TLS";
                    yield return entry.Finding(
                        Descriptor,
                        port.ProtocolPath,
                        $"port 443 is declared {port.Port.Protocol}: sidecars that import this entry (namespaces its exportTo reaches, unless " +
                        $"their Sidecar's egress hosts leave it out) build a listener on 0.0.0.0:443 where {effect}");
                }
            }
        }
    }
}
