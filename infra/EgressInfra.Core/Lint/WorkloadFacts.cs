using EgressInfra.Core.Manifests.Modes.Ambient;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Istio;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Lint;

/// <summary>
/// What the linted files themselves say about the cluster: the core/v1 Namespaces and Pods among them,
/// as istioctl analyze's Sidecar analyzer reads them. Nothing is assumed about objects the files do not
/// hold: with no Pods, no finding depends on pods.
/// </summary>
public sealed class WorkloadFacts
{
    private WorkloadFacts(IReadOnlySet<string> ambientNamespaces, IReadOnlyList<SidecarConflicts.Pod> pods)
    {
        AmbientNamespaces = ambientNamespaces;
        Pods = pods;
    }

    public static WorkloadFacts Empty { get; } = new(new HashSet<string>(StringComparer.Ordinal), []);

    /// <summary>Namespaces a Namespace object puts in ambient mode (Istio's NamespaceInAmbientMode).</summary>
    public IReadOnlySet<string> AmbientNamespaces { get; }

    /// <summary>The Pods, each in its namespace (kubectl's default when unset).</summary>
    public IReadOnlyList<SidecarConflicts.Pod> Pods { get; }

    /// <summary>Reads the core/v1 Namespaces and Pods among the documents; other documents are ignored.</summary>
    public static WorkloadFacts Read(IEnumerable<MappingNode> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var ambient = new HashSet<string>(StringComparer.Ordinal);
        var pods = new List<SidecarConflicts.Pod>();
        foreach (var root in documents)
        {
            if (SpecNode.String(root, "apiVersion") != "v1")
            {
                continue;
            }

            var metadata = SpecNode.Map(root, "metadata");
            var labels = Labels(metadata, "labels");
            switch (SpecNode.String(root, "kind"))
            {
                case "Namespace" when InAmbientMode(labels) && SpecNode.String(metadata, "name") is { } name:
                    ambient.Add(name);
                    break;
                case "Pod":
                    var annotations = Labels(metadata, "annotations");
                    pods.Add(new SidecarConflicts.Pod(
                        SpecNode.String(metadata, "namespace") ?? ManifestLinter.DefaultNamespace,
                        SpecNode.String(metadata, "name") ?? string.Empty,
                        labels,
                        annotations.GetValueOrDefault(AmbientRedirection) == "enabled"));
                    break;
            }
        }

        return new WorkloadFacts(ambient, pods);
    }

    /// <summary>The annotation istio-cni sets on a pod whose traffic ztunnel captures (Istio's PodInAmbientMode).</summary>
    public const string AmbientRedirection = "ambient.istio.io/redirection";

    /// <summary>
    /// Istio's NamespaceInAmbientMode: the dataplane-mode label says ambient, and neither sidecar
    /// injection (istio-injection=enabled) nor a revision label (istio.io/rev) overrides it.
    /// </summary>
    public static bool InAmbientMode(IReadOnlyDictionary<string, string> namespaceLabels)
    {
        ArgumentNullException.ThrowIfNull(namespaceLabels);
        if (namespaceLabels.GetValueOrDefault("istio-injection") == "enabled" || namespaceLabels.GetValueOrDefault("istio.io/rev") is { Length: > 0 })
        {
            return false;
        }

        return namespaceLabels.GetValueOrDefault(AmbientNames.DataplaneMode) == "ambient";
    }

    private static Dictionary<string, string> Labels(MappingNode? metadata, string key) =>
        SpecNode.StringMap(metadata, key).GroupBy(l => l.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
}
