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
    /// <summary>
    /// One policy per namespace that holds any object or a probe, in namespace order. An ambient
    /// namespace without a NetworkPolicy holds no object of the stack's, yet its probe runs there.
    /// </summary>
    public static IReadOnlyList<NamespacePolicy> Group(EgressManifests manifests, IReadOnlyList<ProbePlan> probes)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        ArgumentNullException.ThrowIfNull(probes);
        var allowed = ManifestBuilder.AllowedDestinations(manifests);
        var objects = manifests.Objects
            .Where(o => o.Metadata.Namespace is not null)
            .GroupBy(o => o.Metadata.Namespace!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return [.. objects.Keys
            .Union(probes.Select(p => p.Namespace), StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(ns => new NamespacePolicy(
                ns,
                objects.TryGetValue(ns, out var own) ? own : [],
                allowed.TryGetValue(ns, out var destinations) ? destinations : [],
                probes.FirstOrDefault(p => p.Namespace == ns)))];
    }
}
