using EgressInfra.Core.Manifests;
using EgressInfra.Core.Probe;

namespace EgressInfra.Resources;

/// <summary>What the Core built for one governed namespace: the unit the program registers as a component.</summary>
/// <param name="Probe">The namespace's post-deploy probe, when the stack enables one.</param>
internal sealed record NamespacePolicy(
    string Namespace,
    IReadOnlyList<ServiceEntry> ServiceEntries,
    Sidecar Sidecar,
    IReadOnlyList<string> AllowedDestinations,
    ProbePlan? Probe)
{
    /// <summary>One policy per Sidecar (the Core builds one per governed namespace), in namespace order.</summary>
    public static IReadOnlyList<NamespacePolicy> Group(EgressManifests manifests, IReadOnlyList<ProbePlan> probes)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        ArgumentNullException.ThrowIfNull(probes);
        var allowed = ManifestBuilder.AllowedDestinations(manifests);
        return [.. manifests.Sidecars
            .OrderBy(s => s.Metadata.Namespace, StringComparer.Ordinal)
            .Select(sidecar =>
            {
                var ns = sidecar.Metadata.Namespace!;
                return new NamespacePolicy(
                    ns,
                    [.. manifests.ServiceEntries.Where(e => e.Metadata.Namespace == ns)],
                    sidecar,
                    allowed.TryGetValue(ns, out var destinations) ? destinations : [],
                    probes.FirstOrDefault(p => p.Namespace == ns));
            })];
    }
}
