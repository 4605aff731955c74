using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Lint;

/// <summary>
/// kubectl's List documents (<c>kind: List</c>, or a typed list such as <c>GatewayList</c>, with
/// <c>items</c>): each item is an object of its own. Lists nest; other documents are themselves.
/// </summary>
public static class ListItems
{
    /// <summary>How deep lists may nest before the rest is read as it is (a guard against hostile input).</summary>
    public const int MaxDepth = 8;

    public static IReadOnlyList<ConfigNode> Expand(ConfigNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var items = new List<ConfigNode>();
        Expand(root, items, 0);
        return items;
    }

    private static void Expand(ConfigNode node, List<ConfigNode> items, int depth)
    {
        if (depth < MaxDepth && node is MappingNode map && IsList(map) && map["items"] is SequenceNode list)
        {
            foreach (var item in list.Items)
            {
                Expand(item, items, depth + 1);
            }

            return;
        }

        items.Add(node);
    }

    private static bool IsList(MappingNode map) =>
        map["kind"] is ScalarNode { Kind: ScalarKind.String } kind && kind.Text.EndsWith("List", StringComparison.Ordinal)
        && map["apiVersion"] is ScalarNode { Kind: ScalarKind.String };
}
