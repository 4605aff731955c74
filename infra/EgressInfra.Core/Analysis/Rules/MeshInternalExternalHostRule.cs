using System.Collections.Frozen;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Rules;

/// <summary>
/// MESH_INTERNAL tells Istio the destination runs sidecars. For a public DNS name that is almost
/// always a mistake. What changes mirrors istio/istio: pilot/pkg/model/push_context.go,
/// BestEffortInferServiceMTLSMode (an mTLS mode is inferred only for non-external services) and
/// pilot/pkg/networking/core/cluster_tls.go (auto mTLS used on endpoints labelled tlsMode=istio),
/// cluster_builder.go (peer-metadata exchange is kept for internal services), and telemetry. Client
/// sidecars do not enforce AuthorizationPolicy, and an ISTIO_MUTUAL DestinationRule applies whatever
/// the location, so the message claims neither.
/// </summary>
internal sealed class MeshInternalExternalHostRule : IAnalysisRule
{
    /// <summary>Top-level labels of names that stay inside a cluster or a private network.</summary>
    private static readonly FrozenSet<string> PrivateSuffixes = new[]
    {
        "local", "internal", "cluster", "svc", "lan", "corp", "home", "intranet", "private", "localdomain",
        "localhost", "test", "example", "invalid", "arpa",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public DiagnosticDescriptor Descriptor => AnalysisCodes.MeshInternalExternalHost;

    public IEnumerable<EntryFinding> Analyze(AnalysisIndex index)
    {
        foreach (var entry in index.Visible)
        {
            if (entry.Spec.Location != "MESH_INTERNAL")
            {
                continue;
            }

            var host = entry.Spec.Hosts.FirstOrDefault(LooksExternal);
            if (host is null)
            {
                continue;
            }

            yield return entry.Finding(
                Descriptor,
                "spec.location",
                $"location is MESH_INTERNAL but {host} looks external: Istio treats it as a service whose endpoints run sidecars (it infers an mTLS mode " +
                "for it from PeerAuthentication and uses it on endpoints labelled tlsMode=istio, adds peer-metadata exchange, and reports it as in-mesh in telemetry)");
        }
    }

    private static bool LooksExternal(string host)
    {
        var name = host.TrimEnd('.');
        var dot = name.LastIndexOf('.');
        return dot > 0 && !PrivateSuffixes.Contains(name[(dot + 1)..]) && !char.IsAsciiDigit(name[^1]);
    }
}
