using System.Globalization;
using System.Text;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Sources;

/// <summary>
/// Builds and follows config paths in the form users see and type into
/// <c>pulumi config set --path</c>: <c>egress.services[2].ports[0].protocol</c>, with keys that are not
/// plain identifiers written as <c>labels["app.kubernetes.io/name"]</c>.
/// </summary>
public static class ConfigPath
{
    public static string Child(string parent, string key)
    {
        var plain = key.Length > 0 && key.All(static c => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-');
        if (plain)
        {
            return parent.Length == 0 ? key : $"{parent}.{key}";
        }

        return $"{parent}[\"{key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"]";
    }

    public static string Index(string parent, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");

    /// <summary>Splits a path into segments: strings for keys, ints for list indices. Returns null if malformed.</summary>
    public static IReadOnlyList<object>? Parse(string path)
    {
        var segments = new List<object>();
        var i = 0;
        while (i < path.Length)
        {
            var c = path[i];
            if (c == '.')
            {
                i++;
                continue;
            }

            if (c == '[')
            {
                if (i + 1 < path.Length && path[i + 1] == '"')
                {
                    var sb = new StringBuilder();
                    i += 2;
                    while (i < path.Length && path[i] != '"')
                    {
                        if (path[i] == '\\' && i + 1 < path.Length)
                        {
                            i++;
                        }

                        sb.Append(path[i]);
                        i++;
                    }

                    if (i + 1 >= path.Length || path[i + 1] != ']')
                    {
                        return null;
                    }

                    segments.Add(sb.ToString());
                    i += 2;
                    continue;
                }

                var close = path.IndexOf(']', i);
                if (close < 0 || !int.TryParse(path.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return null;
                }

                segments.Add(index);
                i = close + 1;
                continue;
            }

            var start = i;
            while (i < path.Length && path[i] != '.' && path[i] != '[')
            {
                i++;
            }

            segments.Add(path[start..i]);
        }

        return segments;
    }

    /// <summary>Writes segments (strings for keys, ints for indices) back as a path.</summary>
    public static string Format(IEnumerable<object> segments)
    {
        var path = string.Empty;
        foreach (var segment in segments)
        {
            path = segment is int index ? Index(path, index) : Child(path, (string)segment);
        }

        return path;
    }

    /// <summary>
    /// The file position to show for <paramref name="path"/>: a scalar's own position; for a mapping or
    /// list reached through a key, or for a value that is missing, the line of that key, which is
    /// where a person looks to fix it.
    /// </summary>
    public static SourceLocation? LocateSource(ConfigNode? root, string path)
    {
        var segments = Parse(path);
        if (root is null || segments is null)
        {
            return root?.Location;
        }

        var node = root;
        SourceLocation? keyLocation = null;
        foreach (var segment in segments)
        {
            ConfigNode? next = null;
            SourceLocation? nextKey = null;
            if (segment is string key && node is MappingNode map && map.Find(key) is { } found)
            {
                next = map.Entries[found].Value;
                nextKey = map.Entries[found].Key.Location;
            }
            else if (segment is int index && node is SequenceNode seq && index < seq.Items.Count)
            {
                next = seq.Items[index];
            }

            if (next is null)
            {
                return keyLocation ?? node.Location;
            }

            node = next;
            keyLocation = nextKey;
        }

        return node is ScalarNode ? node.Location ?? keyLocation : keyLocation ?? node.Location;
    }

    /// <summary>
    /// Follows <paramref name="path"/> from <paramref name="root"/> as far as the tree allows and returns
    /// the deepest node reached: a value that was defaulted is reported at its nearest written parent.
    /// </summary>
    public static ConfigNode? Locate(ConfigNode? root, string path)
    {
        var segments = Parse(path);
        if (root is null || segments is null)
        {
            return root;
        }

        var node = root;
        foreach (var segment in segments)
        {
            ConfigNode? next = (segment, node) switch
            {
                (string key, MappingNode map) => map[key],
                (int index, SequenceNode seq) when index < seq.Items.Count => seq.Items[index],
                _ => null,
            };
            if (next is null)
            {
                return node;
            }

            node = next;
        }

        return node;
    }
}
