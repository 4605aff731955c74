using System.Text;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Manifests;

/// <summary>
/// Writes <see cref="ConfigNode"/> trees as block YAML with one fixed style: two-space indent, list
/// items at their key's indent, strings quoted only when a YAML reader could take them for anything
/// else. Hand-written rather than a serializer so that the bytes never depend on a library's defaults.
/// </summary>
public static class YamlWriter
{
    public static string WriteDocuments(IEnumerable<ConfigNode> documents)
    {
        var sb = new StringBuilder();
        foreach (var doc in documents)
        {
            sb.Append("---\n");
            WriteNode(sb, doc, 0);
        }

        return sb.ToString();
    }

    public static string Write(ConfigNode node)
    {
        var sb = new StringBuilder();
        WriteNode(sb, node, 0);
        return sb.ToString();
    }

    public static string RenderObjects(IEnumerable<IKubernetesObject> objects) =>
        WriteDocuments(objects.Select(ManifestTree.ToTree));

    private static void WriteNode(StringBuilder sb, ConfigNode node, int indent)
    {
        switch (node)
        {
            case MappingNode map:
                WriteMapping(sb, map, indent, firstLinePrefixed: false);
                break;
            case SequenceNode seq:
                WriteSequence(sb, seq, indent);
                break;
            case ScalarNode scalar:
                sb.Append(' ', indent).Append(Scalar(scalar)).Append('\n');
                break;
        }
    }

    private static void WriteMapping(StringBuilder sb, MappingNode map, int indent, bool firstLinePrefixed)
    {
        if (map.Entries.Count == 0)
        {
            sb.Append(firstLinePrefixed ? string.Empty : new string(' ', indent)).Append("{}\n");
            return;
        }

        var first = true;
        var entries = map.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            var (key, value) = entries[i];
            if (!(first && firstLinePrefixed))
            {
                sb.Append(' ', indent);
            }

            first = false;
            sb.Append(Scalar(key)).Append(':');
            switch (value)
            {
                case ScalarNode scalar:
                    sb.Append(' ').Append(Scalar(scalar)).Append('\n');
                    break;
                case MappingNode { Entries.Count: 0 }:
                    sb.Append(" {}\n");
                    break;
                case SequenceNode { Items.Count: 0 }:
                    sb.Append(" []\n");
                    break;
                case MappingNode child:
                    sb.Append('\n');
                    WriteMapping(sb, child, indent + 2, firstLinePrefixed: false);
                    break;
                case SequenceNode child:
                    sb.Append('\n');
                    WriteSequence(sb, child, indent);
                    break;
            }
        }
    }

    private static void WriteSequence(StringBuilder sb, SequenceNode seq, int indent)
    {
        if (seq.Items.Count == 0)
        {
            sb.Append(' ', indent).Append("[]\n");
            return;
        }

        var items = seq.Items;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            sb.Append(' ', indent).Append("- ");
            switch (item)
            {
                case ScalarNode scalar:
                    sb.Append(Scalar(scalar)).Append('\n');
                    break;
                case MappingNode map:
                    WriteMapping(sb, map, indent + 2, firstLinePrefixed: true);
                    break;
                case SequenceNode child when child.Items.Count == 0:
                    sb.Append("[]\n");
                    break;
                case SequenceNode child:
                    sb.Append('\n');
                    WriteSequence(sb, child, indent + 2);
                    break;
            }
        }
    }

    public static string Scalar(ScalarNode scalar) => scalar.Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.String => QuoteIfNeeded(scalar.Text),
        _ => scalar.Text,
    };

    public static string QuoteIfNeeded(string text) => IsPlainSafe(text) ? text : Quote(text);

    private static bool IsPlainSafe(string text)
    {
        // Cheap character checks first; the scalar resolution (two patterns) only for what passes them.
        if (text.Length == 0)
        {
            return false;
        }

        var c0 = text[0];
        if (!(char.IsAsciiLetterOrDigit(c0) || c0 is '.' or '/' or '_'))
        {
            return false;
        }

        var hasLetterOrDigit = false;
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '/' or '_' or '-' or '*' or '@' or '~' or '+' or '='))
            {
                return false;
            }

            hasLetterOrDigit |= char.IsAsciiLetterOrDigit(c);
        }

        if (!hasLetterOrDigit || YamlTreeReader.ResolvePlain(text) != ScalarKind.String)
        {
            return false;
        }

        // Words that YAML 1.1 readers (still common) take as booleans.
        return text.Length > 3 || text.ToLowerInvariant() is not ("y" or "n" or "yes" or "no" or "on" or "off");
    }

    private static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
