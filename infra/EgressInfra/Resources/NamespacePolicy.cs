using EgressInfra.Core.Manifests;
using EgressInfra.Core.Probe;

namespace EgressInfra.Resources;

/// <summary>What the Core built for one governed namespace: the unit the program registers as a component.</summary>
/// <param name="Objects">Every object placed in the namespace, of any kind, in the Core's canonical order.</param>
/// <param name="Probe">The namespace's post-deploy probe, when the stack enables one.</param>
internal sealed record NamespacePolicy(
    string Namespace,
    IReadOnlyList<IKubernetesObject> Objects,
    IReadOnlyList<string> AllowedDestinations,
    ProbePlan? Probe)
{
    /// <summary>One policy per namespace that holds any object, in namespace order.</summary>
    public static IReadOnlyList<NamespacePolicy> Group(EgressManifests manifests, IReadOnlyList<ProbePlan> probes)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        ArgumentNullException.ThrowIfNull(probes);
        var allowed = ManifestBuilder.AllowedDestinations(manifests);
        return [.. manifests.Objects
            .Where(o => o.Metadata.Namespace is not null)
            .GroupBy(o => o.Metadata.Namespace!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new NamespacePolicy(
                g.Key,
                [.. g],
                allowed.TryGetValue(g.Key, out var destinations) ? destinations : [],
                probes.FirstOrDefault(p => p.Namespace == g.Key)))];
    }
}
