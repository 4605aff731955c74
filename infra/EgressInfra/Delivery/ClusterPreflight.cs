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
/// Reads, before any object is registered, what the plan assumes: through the stack's own provider
/// the CRDs of the kinds it registers and its namespaces with their labels, and through
/// <see cref="ISidecarInventory"/> the Sidecars already where it registers its own (the provider
/// reads named objects only and cannot list). The Core judges the facts (<see cref="Preflight"/>); a
/// read that fails counts as "not there", a listing that fails as "unknown".
/// </summary>
internal static class ClusterPreflight
{
    /// <summary>How long the Sidecar listing may take before the namespaces left count as unlisted.</summary>
    private static readonly TimeSpan ListingTimeout = TimeSpan.FromSeconds(60);

    public static async Task<IReadOnlyList<Diagnostic>> RunAsync(IReadOnlyList<IKubernetesObject> objects, KubernetesProvider provider, ISidecarInventory sidecars, ClusterAccess access)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(sidecars);
        var reads = PreflightReads.For(objects);
        var listing = ListSidecarsAsync(reads, sidecars, access);
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
        var (observed, unlisted) = await listing.ConfigureAwait(false);
        return Preflight.Evaluate(objects, new ClusterFacts(crds, namespaces, observed, unlisted));
    }

    private static async Task<SidecarListing> ListSidecarsAsync(PreflightReads reads, ISidecarInventory sidecars, ClusterAccess access)
    {
        if (reads.SidecarApiVersion is not { } apiVersion || reads.SidecarNamespaces.Count == 0)
        {
            return new SidecarListing(ValueList<ObservedSidecar>.Empty, ValueMap<string>.Empty);
        }

        using var timeout = new CancellationTokenSource(ListingTimeout);
        return await sidecars.ListAsync(access, apiVersion, reads.SidecarNamespaces, timeout.Token).ConfigureAwait(false);
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
