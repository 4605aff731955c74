using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Manifests.Reading;

/// <summary>
/// <c>kubectl get -A -o yaml</c> prints one document of <c>kind: List</c> (apiVersion v1) whose
/// <c>items</c> are the objects; this turns such a document into its items, and any other into itself.
/// </summary>
public static class ManifestList
{
    public static bool IsList(ConfigNode root) =>
        root is MappingNode map
        && map["kind"] is ScalarNode { Text: "List" or "ServiceEntryList" or "SidecarList" }
        && map["items"] is SequenceNode or null or ScalarNode { Kind: ScalarKind.Null };

    public static IReadOnlyList<ConfigNode> Expand(ConfigNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!IsList(root))
        {
            return [root];
        }

        return ((MappingNode)root)["items"] is SequenceNode items ? items.Items : [];
    }
}
