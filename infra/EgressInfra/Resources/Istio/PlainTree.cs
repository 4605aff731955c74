using System.Collections.Immutable;
using System.Globalization;
using EgressInfra.Core.Sources;

namespace EgressInfra.Resources.Istio;

/// <summary>
/// A manifest tree (<see cref="Core.Manifests.ManifestTree"/>) as the plain maps, lists and scalars
/// Pulumi's serializer takes as they are. Every nested <c>ResourceArgs</c> costs a reflection pass over
/// its members when it is built and again when it is serialized; a spec written as args paid that
/// for the spec, each port and each endpoint of every resource. The tree is the one the YAML writer
/// renders, so what is registered is what <c>egressctl render</c> prints, by construction.
/// </summary>
internal static class PlainTree
{
    public static ImmutableDictionary<string, object> From(MappingNode map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = ImmutableDictionary.CreateBuilder<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Entries)
        {
            builder.Add(key.Text, Value(value));
        }

        return builder.ToImmutable();
    }

    private static object Value(ConfigNode node) => node switch
    {
        MappingNode map => From(map),
        SequenceNode seq => seq.Items.Select(Value).ToImmutableArray(),
        ScalarNode { Kind: ScalarKind.Integer } n => int.Parse(n.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        ScalarNode { Kind: ScalarKind.Boolean } b => b.Text == "true",
        ScalarNode s => s.Text,
        _ => throw new ArgumentException($"unsupported node {node.GetType().Name}", nameof(node)),
    };
}
