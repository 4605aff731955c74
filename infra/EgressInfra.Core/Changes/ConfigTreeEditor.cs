using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Changes;

/// <summary>
/// Applies <see cref="ConfigEdit"/>s to an immutable <see cref="ConfigNode"/> tree by rebuilding the
/// nodes along the edited path. Every other node is shared, so the edited tree keeps the source
/// lines of everything that was already in the file.
/// </summary>
public static class ConfigTreeEditor
{
    public static MappingNode Apply(MappingNode root, IEnumerable<ConfigEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(edits);
        var result = root;
        foreach (var edit in edits)
        {
            result = Apply(result, edit);
        }

        return result;
    }

    public static MappingNode Apply(MappingNode root, ConfigEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var segments = ConfigPath.Parse(edit.Path);
        if (segments is null || segments.Count == 0)
        {
            throw new ArgumentException($"'{edit.Path}' is not a config path", nameof(edit));
        }

        return (MappingNode)Put(root, segments, 0, edit.Value, edit.Path);
    }

    /// <summary>How many items the list at <paramref name="path"/> holds (0 when it is absent).</summary>
    public static int Count(MappingNode root, string path) =>
        ConfigPath.Parse(path) is { } segments && Follow(root, segments) is SequenceNode seq ? seq.Items.Count : 0;

    /// <summary>True when the tree holds a value at <paramref name="path"/> (not a defaulted one).</summary>
    public static bool Has(MappingNode root, string path) =>
        ConfigPath.Parse(path) is { } segments && Follow(root, segments) is not (null or ScalarNode { Kind: ScalarKind.Null });

    private static ConfigNode? Follow(ConfigNode root, IReadOnlyList<object> segments)
    {
        ConfigNode? node = root;
        foreach (var segment in segments)
        {
            node = (segment, node) switch
            {
                (string key, MappingNode map) => map[key],
                (int index, SequenceNode seq) when index < seq.Items.Count => seq.Items[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static ConfigNode Put(ConfigNode? node, IReadOnlyList<object> segments, int at, ConfigNode value, string path)
    {
        if (at == segments.Count)
        {
            return value;
        }

        switch (segments[at])
        {
            case string key:
            {
                var map = node as MappingNode;
                var entries = map is null ? [] : map.Entries.ToList();
                var index = entries.FindIndex(e => e.Key.Text == key);
                var child = index < 0 ? null : entries[index].Value;
                var updated = Put(child, segments, at + 1, value, path);
                if (index < 0)
                {
                    entries.Add(new(new ScalarNode(key, ScalarKind.String), updated));
                }
                else
                {
                    entries[index] = new(entries[index].Key, updated);
                }

                return new MappingNode(entries, map?.Location);
            }

            case int index:
            {
                var seq = node as SequenceNode;
                var items = seq is null ? [] : seq.Items.ToList();
                if (index > items.Count)
                {
                    throw new ArgumentException($"'{path}' skips list items: the list has {items.Count}", nameof(path));
                }

                var child = index < items.Count ? items[index] : null;
                var updated = Put(child, segments, at + 1, value, path);
                if (index == items.Count)
                {
                    items.Add(updated);
                }
                else
                {
                    items[index] = updated;
                }

                return new SequenceNode(items, seq?.Location);
            }

            default:
                throw new ArgumentException($"'{path}' is not a config path", nameof(path));
        }
    }
}
