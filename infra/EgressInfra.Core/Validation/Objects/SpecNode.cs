using System.Globalization;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Validation.Objects;

/// <summary>
/// Lenient reads from a document tree: each returns the value when it has the expected type and null
/// (or empty) otherwise. Type errors are the schema check's to report; the rules only judge values
/// that Istio could decode.
/// </summary>
public static class SpecNode
{
    public static ConfigNode? Get(ConfigNode? node, string key) => node is MappingNode map ? map[key] : null;

    public static MappingNode? Map(ConfigNode? node, string key) => Get(node, key) as MappingNode;

    public static string? String(ConfigNode? node, string key) => AsString(Get(node, key));

    public static string? AsString(ConfigNode? node) => node is ScalarNode { Kind: ScalarKind.String } s ? s.Text : null;

    /// <summary>A string field as Go decodes it: absent, null and "" are all "".</summary>
    public static string Text(ConfigNode? node, string key) => String(node, key) ?? string.Empty;

    public static long? Integer(ConfigNode? node, string key) => AsInteger(Get(node, key));

    public static long? AsInteger(ConfigNode? node) => node switch
    {
        ScalarNode { Kind: ScalarKind.Integer } s => YamlTreeReader.ParseInteger(s.Text),
        ScalarNode { Kind: ScalarKind.Float } s when double.TryParse(s.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            && Math.Abs(d) < 9e15 && d == Math.Floor(d) => (long)d,
        _ => null,
    };

    public static double? Number(ConfigNode? node, string key) => Get(node, key) switch
    {
        ScalarNode { Kind: ScalarKind.Integer or ScalarKind.Float } s
            when double.TryParse(s.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public static bool? Boolean(ConfigNode? node, string key) => Get(node, key) switch
    {
        ScalarNode { Kind: ScalarKind.Boolean } s => s.Text is "true" or "True" or "TRUE",
        _ => null,
    };

    /// <summary>A wrapper type (google.protobuf.BoolValue) written as a bare value or as { value: ... }.</summary>
    public static bool WrappedTrue(ConfigNode? node, string key) =>
        Boolean(node, key) ?? Boolean(Map(node, key), "value") ?? false;

    public static IReadOnlyList<ConfigNode> Items(ConfigNode? node, string key) => Get(node, key) is SequenceNode seq ? seq.Items : [];

    public static IReadOnlyList<string> Strings(ConfigNode? node, string key) =>
        [.. Items(node, key).Select(i => AsString(i) ?? string.Empty)];

    /// <summary>
    /// Set, as Istio's decoder (jsonpb) leaves the field: an empty mapping is a message that is set, but
    /// an empty list decodes to a nil slice, so Go's <c>x != nil</c> on a repeated field is false for
    /// <c>[]</c> just as for an absent field.
    /// </summary>
    public static bool Has(ConfigNode? node, string key) => Get(node, key) switch
    {
        null or ScalarNode { Kind: ScalarKind.Null } => false,
        SequenceNode seq => seq.Items.Count > 0,
        _ => true,
    };

    /// <summary>Present with at least one item or entry (Go's len(x) > 0).</summary>
    public static bool NonEmpty(ConfigNode? node, string key) => Get(node, key) switch
    {
        SequenceNode seq => seq.Items.Count > 0,
        MappingNode map => map.Entries.Count > 0,
        ScalarNode { Kind: ScalarKind.String } s => s.Text.Length > 0,
        ScalarNode { Kind: ScalarKind.Null } => false,
        null => false,
        _ => true,
    };

    /// <summary>The entries of a string map (labels, headers), values as text ("" when not a string).</summary>
    public static IEnumerable<KeyValuePair<string, string>> StringMap(ConfigNode? node, string key) =>
        Map(node, key) is { } map
            ? map.Entries.Select(e => KeyValuePair.Create(e.Key.Text, AsString(e.Value) ?? string.Empty))
            : [];

    public static string Child(string path, string key) => ConfigPath.Child(path, key);

    public static string Index(string path, int index) => ConfigPath.Index(path, index);
}
