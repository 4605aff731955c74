using System.Text.Json;

namespace EgressInfra.Core.Sources;

/// <summary>
/// Turns a JSON value (what Pulumi hands a program for a structured config key) into the same
/// <see cref="ConfigNode"/> tree a YAML stack file becomes. JSON carries no lines; the caller may
/// attach them from the stack file.
/// </summary>
public static class JsonTreeReader
{
    public static ConfigNode Read(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new MappingNode(
            [.. element.EnumerateObject().Select(p => new KeyValuePair<ScalarNode, ConfigNode>(new ScalarNode(p.Name, ScalarKind.String), Read(p.Value)))]),
        JsonValueKind.Array => new SequenceNode([.. element.EnumerateArray().Select(Read)]),
        JsonValueKind.String => new ScalarNode(element.GetString() ?? string.Empty, ScalarKind.String),
        JsonValueKind.Number => new ScalarNode(element.GetRawText(), element.TryGetInt64(out _) ? ScalarKind.Integer : ScalarKind.Float),
        JsonValueKind.True => new ScalarNode("true", ScalarKind.Boolean),
        JsonValueKind.False => new ScalarNode("false", ScalarKind.Boolean),
        _ => new ScalarNode(string.Empty, ScalarKind.Null),
    };

    public static ConfigNode Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Read(doc.RootElement);
    }
}
