using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Rules;

/// <summary>
/// A wildcard host with resolution NONE passes through to whatever IP a matching name resolves to,
/// granting every sibling under the suffix (istio.io issue 2766, "surprising access"). DYNAMIC_DNS
/// wildcards are fine; DNS wildcards without endpoints are Istio errors reported by validation.
/// Mirrors istio/istio pilot/pkg/networking/core: the wildcard becomes the HTTP virtual host's
/// domain (httproute.go) or the TLS chain's SNI match (tls.go, buildSidecarOutboundTLSFilterChainOpts),
/// and cluster.go convertResolution makes NONE an ORIGINAL_DST cluster: any matching name is
/// forwarded to the IP the client resolved.
/// </summary>
internal sealed class WildcardSiblingsRule : IAnalysisRule
{
    public DiagnosticDescriptor Descriptor => AnalysisCodes.WildcardGrantsSiblings;

    public IEnumerable<EntryFinding> Analyze(AnalysisIndex index)
    {
        foreach (var entry in index.Visible)
        {
            if (!entry.ResolvesByHostHeader)
            {
                continue;
            }

            var hosts = entry.Spec.Hosts;
            for (var h = 0; h < hosts.Count; h++)
            {
                var host = hosts[h];
                if (!host.StartsWith('*'))
                {
                    continue;
                }

                var suffix = host.TrimStart('*').TrimStart('.');
                yield return entry.Finding(
                    Descriptor,
                    $"spec.hosts[{h}]",
                    $"{host} with resolution NONE lets pods reach every name under {suffix} on {Naming.Ports(entry.Ports)}, " +
                    "including services of other tenants or teams that share the suffix");
            }
        }
    }
}
