using System.Collections.Immutable;
using EgressInfra.Core.Collections;
using EgressInfra.Core.Delivery;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;
using Pulumi;
using Pulumi.Utilities;
using CustomResourceDefinition = Pulumi.Kubernetes.ApiExtensions.V1.CustomResourceDefinition;
using KubernetesProvider = Pulumi.Kubernetes.Provider;
using Namespace = Pulumi.Kubernetes.Core.V1.Namespace;

namespace EgressInfra.Delivery;

/// <summary>
/// Reads, through the stack's own provider and before any object is registered, what the plan
/// assumes: the CRDs of the kinds it registers and its namespaces with their labels. The Core judges
/// the facts (<see cref="Preflight"/>); a read that fails counts as "not there".
/// </summary>
/// <remarks>
/// The provider reads one named object at a time and a read of a missing object fails the Pulumi
/// step; it cannot list. So the preflight does not look for Sidecars (their names are unknown); the
/// README's "Before the first deploy" lists the kubectl command for that check.
/// </remarks>
internal static class ClusterPreflight
{
    public static async Task<IReadOnlyList<Diagnostic>> RunAsync(IReadOnlyList<IKubernetesObject> objects, KubernetesProvider provider)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var reads = PreflightReads.For(objects);
        var crdReads = reads.Crds.Select(async crd =>
        {
            var read = KubernetesObjectRead.Get<CustomResourceDefinition>($"preflight-crd-{crd}", crd, provider);
            return await ExistsAsync(read.Metadata).ConfigureAwait(false) is not null ? crd : null;
        }).ToList();
        var namespaceReads = reads.Namespaces.Select(async ns =>
        {
            var read = KubernetesObjectRead.Get<Namespace>($"preflight-namespace-{ns}", ns, provider);
            var metadata = await ExistsAsync(read.Metadata).ConfigureAwait(false);
            return (ns, Labels: metadata is null ? null : Labels(metadata));
        }).ToList();

        var crds = (await Task.WhenAll(crdReads).ConfigureAwait(false)).OfType<string>().ToValueList();
        var namespaces = (await Task.WhenAll(namespaceReads).ConfigureAwait(false))
            .Where(n => n.Labels is not null)
            .Select(n => KeyValuePair.Create(n.ns, n.Labels!))
            .ToValueMap();
        return Preflight.Evaluate(objects, new ClusterFacts(crds, namespaces, ValueList<ObservedSidecar>.Empty));
    }

    private static async Task<T?> ExistsAsync<T>(Output<T> output)
        where T : class
    {
        try
        {
            return await OutputUtilities.GetValueAsync(output).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any failed read means the object could not be found; the Core reports it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>The labels of read metadata; Kubernetes label values are strings.</summary>
    private static ValueMap<string> Labels(ImmutableDictionary<string, object> metadata) =>
        metadata.TryGetValue("labels", out var value) && value is ImmutableDictionary<string, object> labels
            ? labels.Where(l => l.Value is string).Select(l => KeyValuePair.Create(l.Key, (string)l.Value)).ToValueMap()
            : ValueMap<string>.Empty;
}
