using System.Collections.Immutable;
using Pulumi.Testing;

namespace EgressInfra.Tests;

/// <summary>
/// The cluster the preflight reads through the mocked provider. By default every namespace exists
/// with sidecar injection on and every CRD is installed; a test takes things away or relabels them.
/// A read of something missing fails, as the real provider's read of a missing object fails its step.
/// </summary>
internal sealed class FakeCluster
{
    public const string NamespaceType = "kubernetes:core/v1:Namespace";
    public const string CrdType = "kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition";

    public static FakeCluster Healthy => new();

    public HashSet<string> MissingNamespaces { get; } = new(StringComparer.Ordinal);

    public HashSet<string> MissingCrds { get; } = new(StringComparer.Ordinal);

    /// <summary>Labels of a namespace in place of the default <c>istio-injection=enabled</c>.</summary>
    public Dictionary<string, ImmutableDictionary<string, object>> NamespaceLabels { get; } = new(StringComparer.Ordinal);

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
