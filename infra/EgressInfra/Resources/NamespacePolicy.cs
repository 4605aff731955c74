using EgressInfra.Core.Manifests;
using EgressInfra.Core.Posture;
using EgressInfra.Core.Probe;

namespace EgressInfra.Resources;

/// <summary>What the Core built for one governed namespace: the unit the program registers as a component.</summary>
/// <param name="Probe">The namespace's post-deploy probe, when the stack enables one.</param>
/// <param name="Posture">observed, best-effort or enforced.</param>
internal sealed record NamespacePolicy(
    string Namespace,
    IReadOnlyList<ServiceEntry> ServiceEntries,
    Sidecar? Sidecar,
    IReadOnlyList<string> AllowedDestinations,
    ProbePlan? Probe)
{
    /// <summary>The mode's other objects in the namespace (its NetworkPolicy, TLS-origination DestinationRules).</summary>
    public IReadOnlyList<IKubernetesObject> Others { get; init; } = [];

    public string Posture { get; init; } = string.Empty;

    /// <summary>
    /// One policy per governed namespace (or per Sidecar, when the namespaces are not given), in
    /// namespace order. Ambient mode builds no Sidecar, so a namespace may have none.
    /// </summary>
    public static IReadOnlyList<NamespacePolicy> Group(EgressManifests manifests, IReadOnlyList<ProbePlan> probes, IReadOnlyList<NamespacePosture>? postures = null, IReadOnlyCollection<string>? governed = null)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        ArgumentNullException.ThrowIfNull(probes);
        var allowed = ManifestBuilder.AllowedDestinations(manifests);
        return [.. manifests.Sidecars.Select(s => s.Metadata.Namespace!)
            .Concat(governed ?? [])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(ns =>
            {
                var sidecar = manifests.Sidecars.FirstOrDefault(s => s.Metadata.Namespace == ns);
                return new NamespacePolicy(
                    ns,
                    [.. manifests.ServiceEntries.Where(e => e.Metadata.Namespace == ns)],
                    sidecar,
                    allowed.TryGetValue(ns, out var destinations) ? destinations : [],
                    probes.FirstOrDefault(p => p.Namespace == ns))
                {
                    Others = [.. manifests.InNamespace(ns).Where(o => o is not ServiceEntry and not Core.Manifests.Sidecar)],
                    Posture = postures?.FirstOrDefault(p => p.Namespace == ns)?.Name ?? string.Empty,
                };
            })];
    }
}
