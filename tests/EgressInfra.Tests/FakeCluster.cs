using System.Collections.Immutable;
using EgressInfra.Core.Collections;
using EgressInfra.Core.Delivery;
using EgressInfra.Delivery;
using Pulumi.Testing;

namespace EgressInfra.Tests;

/// <summary>
/// The cluster the preflight reads through the mocked provider. By default every namespace exists
/// with sidecar injection on and every CRD is installed; a test takes things away or relabels them.
/// A read of something missing fails, as the real provider's read of a missing object fails its step.
/// It also answers the preflight's Sidecar listing: none unless a test places some.
/// </summary>
internal sealed class FakeCluster : ISidecarInventory
{
    public const string NamespaceType = "kubernetes:core/v1:Namespace";
    public const string CrdType = "kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition";

    public static FakeCluster Healthy => new();

    public HashSet<string> MissingNamespaces { get; } = new(StringComparer.Ordinal);

    public HashSet<string> MissingCrds { get; } = new(StringComparer.Ordinal);

    /// <summary>Labels of a namespace in place of the default <c>istio-injection=enabled</c>.</summary>
    public Dictionary<string, ImmutableDictionary<string, object>> NamespaceLabels { get; } = new(StringComparer.Ordinal);

    /// <summary>Sidecars already in the cluster.</summary>
    public List<ObservedSidecar> Sidecars { get; } = [];

    /// <summary>Namespaces whose Sidecars cannot be listed, with the reason the listing gives.</summary>
    public Dictionary<string, string> UnlistableNamespaces { get; } = new(StringComparer.Ordinal);

    /// <summary>Every listing asked for: the access, API version and namespaces.</summary>
    public List<(ClusterAccess Access, string ApiVersion, IReadOnlyList<string> Namespaces)> Listings { get; } = [];

    public Task<SidecarListing> ListAsync(ClusterAccess access, string apiVersion, IReadOnlyList<string> namespaces, CancellationToken cancellationToken)
    {
        Listings.Add((access, apiVersion, namespaces));
        var failed = namespaces.Where(UnlistableNamespaces.ContainsKey).ToHashSet(StringComparer.Ordinal);
        var found = Sidecars.Where(s => namespaces.Contains(s.Namespace) && !failed.Contains(s.Namespace)).ToValueList();
        return Task.FromResult(new SidecarListing(found, failed.Select(ns => KeyValuePair.Create(ns, UnlistableNamespaces[ns])).ToValueMap()));
    }

    /// <summary>The state a read returns, or null when the object is missing.</summary>
    public ImmutableDictionary<string, object>? Read(MockResourceArgs args)
    {
        var id = args.Id!;
        switch (args.Type)
        {
            case NamespaceType when !MissingNamespaces.Contains(id):
                var labels = NamespaceLabels.TryGetValue(id, out var set) ? set : ImmutableDictionary<string, object>.Empty.Add("istio-injection", "enabled");
                return Metadata(id, labels);
            case CrdType when !MissingCrds.Contains(id):
                return Metadata(id, ImmutableDictionary<string, object>.Empty);
            default:
                return null;
        }
    }

    private static ImmutableDictionary<string, object> Metadata(string name, ImmutableDictionary<string, object> labels) =>
        ImmutableDictionary<string, object>.Empty.Add("metadata", ImmutableDictionary<string, object>.Empty.Add("name", name).Add("labels", labels));
}
