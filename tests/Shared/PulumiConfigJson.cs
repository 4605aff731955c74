using System.Globalization;
using System.Text;
using System.Text.Json;
using EgressInfra.Core.Sources;

namespace EgressInfra.TestSupport;

/// <summary>
/// <c>PULUMI_CONFIG</c> as the Pulumi CLI writes it for a stack: every key under the project's name,
/// objects and lists as JSON text, scalars as their text. Shared by the mocked tests and the Pulumi
/// benchmarks (which link this file).
/// </summary>
public static class PulumiConfigJson
{
    public static string FromKeys(string projectName, MappingNode keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in keys.Entries)
            {
                writer.WriteString($"{projectName}:{key.Text}", value is ScalarNode scalar ? scalar.Text : Json(value));
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A config tree as JSON text, keeping YAML's scalar types (numbers and booleans unquoted).</summary>
    public static string Json(ConfigNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, ConfigNode node)
    {
        switch (node)
        {
            case MappingNode map:
                writer.WriteStartObject();
                foreach (var (key, value) in map.Entries)
                {
                    writer.WritePropertyName(key.Text);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case SequenceNode seq:
                writer.WriteStartArray();
                foreach (var item in seq.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case ScalarNode { Kind: ScalarKind.Integer } n:
                // Pulumi's YAML reader turns an integer too large for 64 bits into a float, as here.
                if (YamlTreeReader.ParseInteger(n.Text) is { } whole)
                {
                    writer.WriteNumberValue(whole);
                }
                else
                {
                    writer.WriteNumberValue(double.Parse(n.Text, CultureInfo.InvariantCulture));
                }

                break;
            case ScalarNode { Kind: ScalarKind.Float } n:
                writer.WriteNumberValue(double.Parse(n.Text, CultureInfo.InvariantCulture));
                break;
            case ScalarNode { Kind: ScalarKind.Boolean } n:
                writer.WriteBooleanValue(n.Text.Equals("true", StringComparison.OrdinalIgnoreCase));
                break;
            case ScalarNode { Kind: ScalarKind.Null }:
                writer.WriteNullValue();
                break;
            case ScalarNode s:
                writer.WriteStringValue(s.Text);
                break;
        }
    }
}
