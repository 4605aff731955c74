using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using EgressInfra.Core.Sources;
using Pulumi;
using Pulumi.Testing;

namespace EgressInfra.Tests;

/// <summary>Test-only helpers: output values, comparable trees, and what the mocks cannot show.</summary>
internal static class TestExtensions
{
    public static Task<T> ValueAsync<T>(this Output<T> output)
    {
        var done = new TaskCompletionSource<T>();
        output.Apply(value =>
        {
            done.SetResult(value);
            return value;
        });
        return done.Task;
    }

    /// <summary>
    /// A mock input value (numbers arrive as double, objects as dictionaries, lists as arrays) as
    /// canonical JSON with sorted keys, comparable with <see cref="Canonical(ConfigNode)"/>.
    /// </summary>
    public static string Canonical(this object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s),
        bool b => b ? "true" : "false",
        double or float or int or long => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture),
        IDictionary<string, object> map => "{" + string.Join(",", map.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => JsonSerializer.Serialize(e.Key) + ":" + e.Value.Canonical())) + "}",
        IEnumerable items => "[" + string.Join(",", items.Cast<object?>().Select(i => i.Canonical())) + "]",
        _ => throw new ArgumentException($"unexpected input value of type {value.GetType()}", nameof(value)),
    };

    /// <summary>A rendered manifest tree in the same canonical JSON as <see cref="Canonical(object?)"/>.</summary>
    public static string Canonical(this ConfigNode node) => node switch
    {
        MappingNode map => "{" + string.Join(",", map.Entries.OrderBy(e => e.Key.Text, StringComparer.Ordinal).Select(e => JsonSerializer.Serialize(e.Key.Text) + ":" + e.Value.Canonical())) + "}",
        SequenceNode seq => "[" + string.Join(",", seq.Items.Select(i => i.Canonical())) + "]",
        ScalarNode { Kind: ScalarKind.Integer or ScalarKind.Float } n => double.Parse(n.Text, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture),
        ScalarNode { Kind: ScalarKind.Boolean } b => b.Text.ToLowerInvariant(),
        ScalarNode { Kind: ScalarKind.Null } => "null",
        ScalarNode s => JsonSerializer.Serialize(s.Text),
        _ => throw new ArgumentException($"unexpected node {node.GetType()}", nameof(node)),
    };

    /// <summary>
    /// The resources registered with <paramref name="parent"/> as their parent. Neither the mock's
    /// arguments nor its URNs record the parent, so this reads the SDK's own (internal) child set.
    /// </summary>
    public static IReadOnlyCollection<Resource> Children(this Resource parent)
    {
        var property = typeof(Resource).GetProperty("ChildResources", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("Pulumi.Resource.ChildResources is gone; find another way to see parents");
        var children = (HashSet<Resource>)property.GetValue(parent)!;
        lock (children)
        {
            return [.. children];
        }
    }

    public static IDictionary<string, object> Map(this MockResourceArgs args, params string[] path) =>
        (IDictionary<string, object>)Value(args, path)!;

    public static object? Value(this MockResourceArgs args, params string[] path)
    {
        object? current = args.Inputs;
        foreach (var key in path)
        {
            current = current is IDictionary<string, object> map && map.TryGetValue(key, out var next) ? next : null;
        }

        return current;
    }
}
