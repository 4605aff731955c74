using System.Text.Json;
using System.Text.RegularExpressions;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Tests.Schema;

/// <summary>
/// Checks a config tree against the generated schema with the few keywords it uses (type, properties,
/// required, additionalProperties, items, enum, pattern, anyOf, oneOf, $ref within the document or to
/// the egress schema): enough to prove that every key and value in the shipped stacks is one the
/// schema knows.
/// </summary>
internal sealed class SchemaWalker(JsonElement root, Func<string, JsonElement> load)
{
    public List<string> Problems { get; } = [];

    public void Check(ConfigNode node, string path) => Check(node, root, root, path);

    private void Check(ConfigNode node, JsonElement schema, JsonElement document, string path)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var target = reference.GetString()!;
            if (target.StartsWith("#/$defs/", StringComparison.Ordinal))
            {
                Check(node, document.GetProperty("$defs").GetProperty(target["#/$defs/".Length..]), document, path);
            }
            else
            {
                var other = load(target);
                Check(node, other, other, path);
            }
        }

        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            var passing = anyOf.EnumerateArray().Any(branch =>
            {
                var probe = new SchemaWalker(document, load);
                probe.Check(node, branch, document, path);
                return probe.Problems.Count == 0;
            });
            if (!passing)
            {
                Problems.Add($"{path}: matches no branch of anyOf");
            }
        }

        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            var passing = oneOf.EnumerateArray().Count(branch =>
            {
                var probe = new SchemaWalker(document, load);
                probe.Check(node, branch, document, path);
                return probe.Problems.Count == 0;
            });
            if (passing != 1)
            {
                Problems.Add($"{path}: matches {passing} branches of oneOf, not exactly one");
            }
        }

        if (schema.TryGetProperty("type", out var type) && !HasType(node, type.GetString()!))
        {
            Problems.Add($"{path}: expected {type.GetString()} but found {node.Describe()}");
            return;
        }

        if (node is ScalarNode scalar)
        {
            if (schema.TryGetProperty("enum", out var values) && values.EnumerateArray().All(v => v.GetString() != scalar.Text))
            {
                Problems.Add($"{path}: '{scalar.Text}' is not in the enum");
            }

            if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(scalar.Text, pattern.GetString()!))
            {
                Problems.Add($"{path}: '{scalar.Text}' does not match {pattern.GetString()}");
            }
        }

        if (node is MappingNode map)
        {
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var key in required.EnumerateArray().Select(k => k.GetString()!).Where(k => map[k] is null))
                {
                    Problems.Add($"{ConfigPath.Child(path, key)}: required by the schema but missing");
                }
            }

            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            var additional = schema.TryGetProperty("additionalProperties", out var ap) ? ap : default;
            foreach (var (key, value) in map.Entries)
            {
                var childPath = ConfigPath.Child(path, key.Text);
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(key.Text, out var child))
                {
                    Check(value, child, document, childPath);
                }
                else if (additional.ValueKind == JsonValueKind.Object)
                {
                    Check(value, additional, document, childPath);
                }
                else if (additional.ValueKind == JsonValueKind.False)
                {
                    Problems.Add($"{childPath}: the schema has no property '{key.Text}'");
                }
            }
        }

        if (node is SequenceNode seq && schema.TryGetProperty("items", out var items))
        {
            for (var i = 0; i < seq.Items.Count; i++)
            {
                Check(seq.Items[i], items, document, ConfigPath.Index(path, i));
            }
        }
    }

    private static bool HasType(ConfigNode node, string type) => (type, node) switch
    {
        ("object", MappingNode) => true,
        ("array", SequenceNode) => true,
        ("string", ScalarNode { Kind: ScalarKind.String }) => true,
        ("integer", ScalarNode { Kind: ScalarKind.Integer }) => true,
        ("boolean", ScalarNode { Kind: ScalarKind.Boolean }) => true,
        _ => false,
    };
}
