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
/// <remarks>
/// One instance serves one run: a service's ServiceEntries in each namespace differ only in their
/// namespace (<see cref="ManifestBuilder.BuildServiceEntries"/>), so the first copy is converted in
/// full and every other copy is those inputs with its own namespace set. Copies are found by value:
/// a mode may rebuild an equal spec per namespace, and the tree is a function of the values alone.
/// Nothing reads the maps but Pulumi's serializer, and they are immutable.
/// </remarks>
internal sealed class PlainTree
{
    private readonly Dictionary<ServiceEntrySpec, Converted> _entries = [];

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
    /// The same inputs as <see cref="Inputs"/>. A ServiceEntry that equals one already converted in
    /// all but its namespace (equal spec, name, labels and annotations) gets that one's inputs with
    /// <c>metadata.namespace</c> replaced: the value <see cref="ManifestTree.Metadata"/> writes there.
    /// </summary>
    public ImmutableDictionary<string, object?> InputsOf(IKubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj is not ServiceEntry { Metadata.Namespace: { } ns } entry)
        {
            return Inputs(obj);
        }

        if (_entries.TryGetValue(entry.Spec, out var first) && first.IsCopy(entry))
        {
            return first.Inputs.SetItem("metadata", first.Metadata.SetItem("namespace", ns));
        }

        var inputs = Inputs(obj);
        _entries[entry.Spec] = new Converted(entry, inputs, (ImmutableDictionary<string, object>)inputs["metadata"]!);
        return inputs;
    }

    private sealed record Converted(ServiceEntry Entry, ImmutableDictionary<string, object?> Inputs, ImmutableDictionary<string, object> Metadata)
    {
        public bool IsCopy(ServiceEntry other) =>
            Entry.Spec.Equals(other.Spec)
            && Entry.ApiVersion == other.ApiVersion
            && Entry.Metadata.Name == other.Metadata.Name
            && Entry.Metadata.Labels.Equals(other.Metadata.Labels)
            && Entry.Metadata.Annotations.Equals(other.Metadata.Annotations);
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
