using System.Globalization;
using EgressInfra.Core.Config.Binding;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Manifests.Reading;

/// <summary>
/// Applies a <see cref="FieldShape"/> to a YAML tree the way the API server applies a CRD schema with
/// strict field validation (<c>kubectl apply</c>'s default): every unknown field, wrong type, missing
/// required field, value outside an enum and exceeded limit is reported, all in one pass.
/// </summary>
public sealed class SchemaChecker
{
    private readonly List<Diagnostic> _diagnostics = [];

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>
    /// True once a value had the wrong type or did not fit its integer type. Istio cannot decode such an
    /// object at all, so a record built from the tree would not be what Istio sees; readers return none.
    /// </summary>
    public bool IsUndecodable { get; private set; }

    public void Report(Diagnostic diagnostic, ConfigNode? at)
    {
        _diagnostics.Add(at?.Location is null || diagnostic.Location is not null ? diagnostic : diagnostic with { Location = at.Location });
        if (diagnostic.Code == ManifestCodes.WrongType.Code || diagnostic.Code == ManifestCodes.OutOfRange.Code)
        {
            IsUndecodable = true;
        }
    }

    /// <summary>Checks <paramref name="node"/> (absent or null is fine here; the parent checks required fields).</summary>
    public void Check(ConfigNode? node, FieldShape shape, string path) => Check(node, shape, path, null);

    private void Check(ConfigNode? node, FieldShape shape, string path, Scope? scope)
    {
        if (node is null or ScalarNode { Kind: ScalarKind.Null } || shape is AnyShape)
        {
            return;
        }

        switch (shape)
        {
            case StringShape s:
                CheckString(node, s, path);
                break;
            case IntegerShape i:
                ReadInteger(node, i, path);
                break;
            case BooleanShape:
                CheckBoolean(node, path);
                break;
            case NumberShape n when node is not ScalarNode { Kind: ScalarKind.Integer or ScalarKind.Float }:
                WrongType(node, n, path, node is ScalarNode { Kind: ScalarKind.String } text && YamlTreeReader.ResolvePlain(text.Text) is ScalarKind.Integer or ScalarKind.Float ? $"Write {text.Text} without quotes." : null);
                break;
            case ListShape l:
                CheckList(node, l, path, scope);
                break;
            case MapShape m:
                CheckMap(node, m, path, scope);
                break;
            case ObjectShape o:
                CheckObject(node, o, path, scope);
                break;
        }
    }

    private void CheckString(ConfigNode node, StringShape shape, string path)
    {
        if (node is not ScalarNode { Kind: ScalarKind.String } scalar)
        {
            var hint = node is ScalarNode other
                ? $"Quote the value (\"{other.Text}\") so that it is read as text."
                : null;
            WrongType(node, shape, path, hint);
            return;
        }

        var text = scalar.Text;
        var length = text.EnumerateRunes().Count();
        if (shape.MaxLength is { } max && length > max)
        {
            Report(ManifestCodes.LimitExceeded.Create(path, $"the value is {length} characters long; the CRD allows at most {max}"), node);
        }

        if (shape.Enum is { } accepted && !accepted.Contains(text, StringComparer.Ordinal))
        {
            var list = string.Join(", ", accepted.Select(a => $"\"{a}\""));
            var suggestion = KeySuggester.Suggest(text, accepted);
            var hint = suggestion is null ? $"Use one of: {string.Join(", ", accepted)}." : $"Did you mean '{suggestion}'? Accepted: {string.Join(", ", accepted)}.";
            Report(ManifestCodes.UnsupportedValue.Create(path, $"unsupported value \"{text}\"; supported values: {list}", hint), node);
        }

        if (shape.Rule?.Check(text) is { } problem)
        {
            Report(shape.Rule.Code.Create(path, problem), node);
        }
    }

    /// <summary>Reads an integer as the API server would accept it; reports and returns null otherwise.</summary>
    public long? ReadInteger(ConfigNode node, IntegerShape shape, string path)
    {
        long? value = node switch
        {
            ScalarNode { Kind: ScalarKind.Integer } s => YamlTreeReader.ParseInteger(s.Text),

            // kubectl turns YAML into JSON first, where 443.0 is the number 443: the API server accepts it.
            ScalarNode { Kind: ScalarKind.Float } s when double.TryParse(s.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                && Math.Abs(d) < 9e15 && d == Math.Floor(d) => (long)d,
            _ => null,
        };

        if (node is ScalarNode { Kind: ScalarKind.Integer } && value is null)
        {
            Report(ManifestCodes.OutOfRange.Create(path, $"{((ScalarNode)node).Text} is outside the range {shape.Minimum}..{shape.Maximum}"), node);
            return null;
        }

        if (value is null)
        {
            var hint = node is ScalarNode { Kind: ScalarKind.String } s && YamlTreeReader.ResolvePlain(s.Text) is ScalarKind.Integer
                ? $"Write {s.Text} without quotes."
                : null;
            WrongType(node, shape, path, hint);
            return null;
        }

        if (value < shape.Minimum || value > shape.Maximum)
        {
            Report(ManifestCodes.OutOfRange.Create(path, $"{value} is outside the range {shape.Minimum}..{shape.Maximum}"), node);
            return null;
        }

        return value;
    }

    private void CheckBoolean(ConfigNode node, string path)
    {
        if (node is ScalarNode { Kind: ScalarKind.Boolean })
        {
            return;
        }

        var hint = node is ScalarNode { Kind: ScalarKind.String, Text: "true" or "false" } s ? $"Write {s.Text} without quotes." : null;
        WrongType(node, BooleanShape.Instance, path, hint);
    }

    private void CheckList(ConfigNode node, ListShape shape, string path, Scope? scope)
    {
        if (node is not SequenceNode seq)
        {
            var hint = node is ScalarNode { Kind: not ScalarKind.Null } s
                ? $"Write a list, even of one item: [\"{s.Text}\"] or '- \"{s.Text}\"' on the next line."
                : "Write a list as [a, b] or one '- item' per line.";
            WrongType(node, shape, path, hint);
            return;
        }

        if (seq.Items.Count < shape.MinItems)
        {
            var noun = shape.MinItems == 1 ? "item" : "items";
            Report(ManifestCodes.MissingField.Create(path, $"the list is empty; the CRD requires at least {shape.MinItems} {noun}"), node);
        }

        if (shape.MaxItems is { } max && seq.Items.Count > max)
        {
            Report(ManifestCodes.LimitExceeded.Create(path, $"the list has {seq.Items.Count} items; the CRD allows at most {max}"), node);
        }

        for (var i = 0; i < seq.Items.Count; i++)
        {
            var item = seq.Items[i];
            var itemPath = ConfigPath.Index(path, i);
            if (item is ScalarNode { Kind: ScalarKind.Null })
            {
                WrongType(item, shape.Items, itemPath, "Remove the empty '-' item or give it a value.");
                continue;
            }

            Check(item, shape.Items, itemPath, scope);
        }
    }

    private void CheckMap(ConfigNode node, MapShape shape, string path, Scope? scope)
    {
        if (node is not MappingNode map)
        {
            WrongType(node, shape, path, "Write a mapping of keys to values: { key: value } or one 'key: value' per line.");
            return;
        }

        if (shape.MaxProperties is { } max && map.Entries.Count > max)
        {
            Report(ManifestCodes.LimitExceeded.Create(path, $"the mapping has {map.Entries.Count} entries; the CRD allows at most {max}"), node);
        }

        foreach (var (key, value) in map.Entries)
        {
            var entryPath = ConfigPath.Child(path, key.Text);
            if (shape.Keys?.Check(key.Text) is { } problem)
            {
                Report(shape.Keys.Code.Create(entryPath, problem), key);
            }

            if (value is ScalarNode { Kind: ScalarKind.Null })
            {
                WrongType(value, shape.Values, entryPath, "Give the key a value, or remove it.");
                continue;
            }

            Check(value, shape.Values, entryPath, scope);
        }
    }

    private void CheckObject(ConfigNode node, ObjectShape shape, string path, Scope? scope)
    {
        if (node is not MappingNode map)
        {
            WrongType(node, shape, path, $"Write a mapping with the fields {string.Join(", ", shape.Names)}.");
            return;
        }

        var here = new Scope(path, shape, scope);
        foreach (var (key, value) in map.Entries)
        {
            var fieldPath = ConfigPath.Child(path, key.Text);
            var field = shape.Find(key.Text);
            if (field is null && shape.Open)
            {
                Report(EnforcementKindCodes.UnknownFieldNewer.Create(fieldPath, $"unknown field \"{key.Text}\" (not in the schema EgressInfra knows)", UnknownFieldHint(key.Text, here)), key);
                continue;
            }

            if (field is null)
            {
                Report(ManifestCodes.UnknownField.Create(fieldPath, $"unknown field \"{key.Text}\"", UnknownFieldHint(key.Text, here)), key);
                continue;
            }

            Check(value, field.Shape, fieldPath, here);
        }

        foreach (var field in shape.Fields.Where(f => f.Required))
        {
            var value = map[field.Name];
            if (value is null or ScalarNode { Kind: ScalarKind.Null })
            {
                var where = path.Length == 0 ? "the object" : $"'{path}'";
                Report(ManifestCodes.MissingField.Create(ConfigPath.Child(path, field.Name), $"the required field '{field.Name}' is missing from {where}"), value ?? node);
            }
        }
    }

    private static string UnknownFieldHint(string key, Scope scope)
    {
        var suggestion = KeySuggester.Suggest(key, scope.Shape.Names);
        if (suggestion is not null)
        {
            return $"Did you mean '{suggestion}'?";
        }

        // A field that belongs to an enclosing object is usually mis-indented (resolution under a port item).
        for (var outer = scope.Parent; outer is not null; outer = outer.Parent)
        {
            if (outer.Shape.Find(key) is not null)
            {
                var owner = outer.Path.Length == 0 ? "the top level" : $"'{outer.Path}'";
                return $"'{key}' is a field of {owner}: check its indentation.";
            }
        }

        return $"Fields here: {string.Join(", ", scope.Shape.Names)}.";
    }

    private void WrongType(ConfigNode node, FieldShape shape, string path, string? hint) =>
        Report(ManifestCodes.WrongType.Create(path, $"expected {shape.Expected} but found {node.Describe()}", hint), node);

    private sealed record Scope(string Path, ObjectShape Shape, Scope? Parent);
}
