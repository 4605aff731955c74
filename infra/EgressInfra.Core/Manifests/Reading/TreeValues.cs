using System.Globalization;
using EgressInfra.Core.Collections;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Manifests.Reading;

/// <summary>
/// Plain reads from a tree that <see cref="SchemaChecker"/> has already accepted: each returns the value
/// as written, or null (empty) when it is absent, and never reports.
/// </summary>
internal static class TreeValues
{
    public static string? String(ConfigNode? node) => node is ScalarNode { Kind: ScalarKind.String } s ? s.Text : null;

    public static long? Integer(ConfigNode? node) => node switch
    {
        ScalarNode { Kind: ScalarKind.Integer } s => YamlTreeReader.ParseInteger(s.Text),
        ScalarNode { Kind: ScalarKind.Float } s when double.TryParse(s.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => (long)d,
        _ => null,
    };

    public static ValueList<string> Strings(ConfigNode? node) =>
        node is SequenceNode seq ? seq.Items.Select(i => String(i) ?? string.Empty).ToValueList() : ValueList<string>.Empty;

    public static IReadOnlyList<ConfigNode> Items(ConfigNode? node) => node is SequenceNode seq ? seq.Items : [];

    public static ValueMap<string> StringMap(ConfigNode? node) =>
        node is MappingNode map ? new ValueMap<string>(map.Entries.Select(e => KeyValuePair.Create(e.Key.Text, String(e.Value) ?? string.Empty))) : ValueMap<string>.Empty;

    public static ValueMap<long> IntegerMap(ConfigNode? node) =>
        node is MappingNode map ? new ValueMap<long>(map.Entries.Select(e => KeyValuePair.Create(e.Key.Text, Integer(e.Value) ?? 0))) : ValueMap<long>.Empty;

    public static MappingNode? Mapping(ConfigNode? node, string key) => (node as MappingNode)?[key] as MappingNode;

    public static bool IsPresent(ConfigNode? node) => node is not null and not ScalarNode { Kind: ScalarKind.Null };
}
