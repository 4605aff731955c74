using System.Text;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Diff;

/// <summary>
/// Reads policy waivers straight from the config tree (<c>policy.waivers</c>), without binding them,
/// so that a diff shows waivers whatever shape each waiver has: one line of flow YAML per waiver,
/// with keys sorted, which is also its identity when comparing two versions.
/// </summary>
public static class WaiverReader
{
    public static readonly IReadOnlyList<string> WaiverPath = ["policy", "waivers"];

    public static IReadOnlyList<string> Read(MappingNode projectConfig)
    {
        ArgumentNullException.ThrowIfNull(projectConfig);
        ConfigNode? node = projectConfig;
        foreach (var key in WaiverPath)
        {
            node = (node as MappingNode)?[key];
        }

        return node is SequenceNode list
            ? [.. list.Items.Select(Flow).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>A node as one line of YAML flow style, mapping keys sorted.</summary>
    public static string Flow(ConfigNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var sb = new StringBuilder();
        Write(sb, node);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, ConfigNode node)
    {
        switch (node)
        {
            case MappingNode map:
                sb.Append('{');
                var first = true;
                foreach (var (key, value) in map.Entries.OrderBy(e => e.Key.Text, StringComparer.Ordinal))
                {
                    sb.Append(first ? string.Empty : ", ").Append(YamlWriter.QuoteIfNeeded(key.Text)).Append(": ");
                    Write(sb, value);
                    first = false;
                }

                sb.Append('}');
                break;
            case SequenceNode seq:
                sb.Append('[');
                for (var i = 0; i < seq.Items.Count; i++)
                {
                    sb.Append(i == 0 ? string.Empty : ", ");
                    Write(sb, seq.Items[i]);
                }

                sb.Append(']');
                break;
            case ScalarNode scalar:
                sb.Append(YamlWriter.Scalar(scalar));
                break;
        }
    }
}
