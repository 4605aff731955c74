using System.Collections.Immutable;
using System.Globalization;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Sources;

namespace EgressInfra.Resources.Istio;

/// <summary>
/// A manifest tree (<see cref="ManifestTree"/>) as the plain maps, lists and scalars Pulumi's
/// serializer takes as they are: the tree the YAML writer renders, so what is registered is what
/// <c>egressctl render</c> prints, by construction.
/// </summary>
internal static class PlainTree
{
    /// <summary>The object's inputs: <c>apiVersion</c>, <c>kind</c>, <c>metadata</c> and <c>spec</c>, as rendered.</summary>
    public static ImmutableDictionary<string, object?> Inputs(IKubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var tree = ManifestTree.ToTree(obj);
        var builder = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in tree.Entries)
        {
            builder.Add(key.Text, value is MappingNode map ? From(map) : Value(value));
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// A mapping as a dictionary. Pulumi checks the type of each top-level input, which must be an
    /// ImmutableDictionary; below it the serializer takes any dictionary and list, and walks a plain
    /// Dictionary and array without the AVL-tree enumeration and the reflection (an ImmutableArray may
    /// be default) it spends on the immutable ones.
    /// </summary>
    private static ImmutableDictionary<string, object> From(MappingNode map)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Entries)
        {
            builder.Add(key.Text, Value(value));
        }

        return builder.ToImmutable();
    }

    private static Dictionary<string, object> Nested(MappingNode map)
    {
        var result = new Dictionary<string, object>(map.Entries.Count, StringComparer.Ordinal);
        foreach (var (key, value) in map.Entries)
        {
            result.Add(key.Text, Value(value));
        }

        return result;
    }

    private static object[] Items(SequenceNode seq)
    {
        var result = new object[seq.Items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Value(seq.Items[i]);
        }

        return result;
    }

    private static object Value(ConfigNode node) => node switch
    {
        MappingNode map => Nested(map),
        SequenceNode seq => Items(seq),
        ScalarNode { Kind: ScalarKind.Integer } n => int.Parse(n.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        ScalarNode { Kind: ScalarKind.Boolean } b => b.Text == "true",
        ScalarNode s => s.Text,
        _ => throw new ArgumentException($"unsupported node {node.GetType().Name}", nameof(node)),
    };
}
