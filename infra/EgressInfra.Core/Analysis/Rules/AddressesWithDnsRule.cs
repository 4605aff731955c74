using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Rules;

/// <summary>
/// Addresses on an entry resolved by DNS: Istio uses <c>addresses</c> only to match the traffic (the
/// listener's or filter chain's destination IPs); the upstream cluster is the host name's DNS answer,
/// so the connection goes where the name resolves, not to the addresses written. Mirrors istio/istio
/// pilot/pkg/networking/core/listener.go, buildSidecarOutboundListener (a TCP or sniffed port binds to
/// the service address; an HTTP port ignores it and binds 0.0.0.0) and cluster.go, convertResolution
/// (DNS is STRICT_DNS, DNS_ROUND_ROBIN is LOGICAL_DNS, resolving the endpoints or else the host).
/// </summary>
internal sealed class AddressesWithDnsRule : IAnalysisRule
{
    public DiagnosticDescriptor Descriptor => AnalysisCodes.AddressesWithDns;

    public IEnumerable<EntryFinding> Analyze(AnalysisIndex index)
    {
        foreach (var entry in index.Entries)
        {
            if (entry.HasAddresses && entry.Resolution is "DNS" or "DNS_ROUND_ROBIN")
            {
                var matching = entry.Ports.Any(p => p.Family == ProtocolFamily.Http)
                    ? "the addresses only select which traffic the entry's non-HTTP ports match (HTTP ports ignore them and match by Host)"
                    : "the addresses only select which traffic the entry matches";
                yield return entry.Finding(
                    Descriptor,
                    "spec.addresses",
                    $"resolution {entry.Resolution} with addresses {string.Join(", ", entry.Spec.Addresses)}: {matching}; " +
                    $"the sidecar connects to whatever {(entry.Spec.Endpoints.Count > 0 ? "the entry's endpoints resolve" : entry.FirstHost + " resolves")} to. " +
                    "Use resolution NONE if the addresses are the destination itself, " +
                    "or STATIC with endpoints to send traffic to fixed IPs");
            }
        }
    }
}
