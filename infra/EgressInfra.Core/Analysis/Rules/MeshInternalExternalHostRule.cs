using System.Collections.Frozen;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Rules;

/// <summary>
/// MESH_INTERNAL tells Istio the destination runs sidecars: mesh-wide mTLS settings and
/// authorization apply to it and telemetry counts it as internal. For a public DNS name that is
/// almost always a mistake.
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
                $"location is MESH_INTERNAL but {host} looks external: Istio treats it as a mesh workload, so mesh-wide ISTIO_MUTUAL " +
                "settings and authorization policies apply to it and calls fail the TLS handshake or are denied");
        }
    }

    private static bool LooksExternal(string host)
    {
        var name = host.TrimEnd('.');
        var dot = name.LastIndexOf('.');
        return dot > 0 && !PrivateSuffixes.Contains(name[(dot + 1)..]) && !char.IsAsciiDigit(name[^1]);
    }
}
