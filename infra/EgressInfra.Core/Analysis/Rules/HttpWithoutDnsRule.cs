using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Rules;

/// <summary>
/// Failure mode F9 (Istio's egress-control warning): with resolution NONE an HTTP route sends the
/// request to whatever IP the client dialled once its Host header matches, so the allow-list can
/// be bypassed by faking the header. Mirrors istio/istio pilot/pkg/networking/core/cluster.go,
/// convertResolution: resolution NONE (model.Passthrough) becomes an ORIGINAL_DST cluster on a
/// sidecar, and the HTTP route picks that cluster by the Host header's virtual host (httproute.go).
/// </summary>
internal sealed class HttpWithoutDnsRule : IAnalysisRule
{
    public DiagnosticDescriptor Descriptor => AnalysisCodes.HttpWithoutDns;

    public IEnumerable<EntryFinding> Analyze(AnalysisIndex index)
    {
        foreach (var entry in index.Visible)
        {
            if (!entry.ResolvesByHostHeader)
            {
                continue;
            }

            var http = entry.Ports.Where(p => p.Family == ProtocolFamily.Http).ToList();
            if (http.Count == 0)
            {
                continue;
            }

            var host = entry.FirstHost;
            var written = entry.Spec.Resolution is null ? "omitted (NONE)" : entry.Spec.Resolution;
            yield return entry.Finding(
                Descriptor,
                "spec.resolution",
                $"resolution is {written} on {Naming.Ports(http)}: the sidecar forwards to the IP the client dialled, " +
                $"so a pod can reach any server on port {http[0].Number} by sending 'Host: {host}'");
        }
    }
}
