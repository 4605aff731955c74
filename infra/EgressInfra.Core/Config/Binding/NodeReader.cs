using System.Collections.Frozen;
using EgressInfra.Core.Collections;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Config.Binding;

/// <summary>
/// Typed reads from a <see cref="ConfigNode"/> tree that never throw: each problem becomes a
/// diagnostic at its config path and reading carries on, so that one pass reports everything.
/// </summary>
public sealed class NodeReader
{
    private readonly List<Diagnostic> _diagnostics = [];

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public bool HasErrors => ErrorCount > 0;

    /// <summary>How many of the diagnostics so far are errors: a binder compares it before and after an item.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>
    /// Records a finding. Its file position is attached later from its path (ConfigPath.LocateSource),
    /// which points at the key for collections and missing values.
    /// </summary>
    public void Report(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        _diagnostics.Add(diagnostic);
        ErrorCount += diagnostic.IsError ? 1 : 0;
    }

    public MappingNode? Mapping(ConfigNode? node, string path, bool required = false)
    {
        switch (node)
        {
            case MappingNode map:
                return map;
            case null:
            case ScalarNode { Kind: ScalarKind.Null }:
                if (required)
                {
                    Report(ConfigCodes.MissingValue.Create(path, $"'{path}' is required"));
                }

                return null;
            default:
                Report(ConfigCodes.WrongType.Create(path, $"expected a mapping of keys to values but found {node.Describe()}"));
                return null;
        }
    }

    /// <summary>Reports every key of <paramref name="map"/> that is not in <paramref name="known"/>, with a suggestion.</summary>
    public void KnownKeys(MappingNode map, string path, IReadOnlyCollection<string> known)
    {
        foreach (var entry in map.Entries)
        {
            var key = entry.Key.Text;
            if (known.Contains(key))
            {
                continue;
            }

            var suggestion = KeySuggester.Suggest(key, known);
            var hint = suggestion is null
                ? $"Known keys here: {string.Join(", ", known)}."
                : $"Did you mean '{suggestion}'?";
            Report(ConfigCodes.UnknownKey.Create(ConfigPath.Child(path, key), $"unknown key '{key}'", hint));
        }
    }

    public IReadOnlyList<(ConfigNode Node, string Path)> List(ConfigNode? node, string path, bool required = false)
    {
        switch (node)
        {
            case SequenceNode seq:
                if (required && seq.Items.Count == 0)
                {
                    Report(ConfigCodes.MissingValue.Create(path, $"'{path}' must list at least one item"));
                }

                return [.. seq.Items.Select((item, i) => (item, ConfigPath.Index(path, i)))];
            case null:
            case ScalarNode { Kind: ScalarKind.Null }:
                if (required)
                {
                    Report(ConfigCodes.MissingValue.Create(path, $"'{path}' is required and must list at least one item"));
                }

                return [];
            default:
                Report(ConfigCodes.WrongType.Create(path, $"expected a list but found {node.Describe()}", "Write a list as [a, b] or one '- item' per line."));
                return [];
        }
    }

    public string? String(ConfigNode? node, string path, bool required = false)
    {
        switch (node)
        {
            case ScalarNode { Kind: ScalarKind.String } s:
                if (required && s.Text.Trim().Length == 0)
                {
                    Report(ConfigCodes.MissingValue.Create(path, $"'{path}' must not be empty"));
                    return null;
                }

                return s.Text;
            case null:
            case ScalarNode { Kind: ScalarKind.Null }:
                if (required)
                {
                    Report(ConfigCodes.MissingValue.Create(path, $"'{path}' is required"));
                }

                return null;
            case ScalarNode s:
                // A bare number or boolean where text is expected: accept it as written, Pulumi does the same.
                return s.Text;
            default:
                Report(ConfigCodes.WrongType.Create(path, $"expected a string but found {node.Describe()}"));
                return null;
        }
    }

    public IReadOnlyList<(string Value, string Path, ConfigNode Node)> Strings(ConfigNode? node, string path, bool required = false)
    {
        var result = new List<(string, string, ConfigNode)>();
        foreach (var (item, itemPath) in List(node, path, required))
        {
            var value = String(item, itemPath, required: true);
            if (value is not null)
            {
                result.Add((value, itemPath, item));
            }
        }

        return result;
    }

    /// <summary>
    /// The values of <see cref="Strings"/> alone, with the same findings: an item's path is made only
    /// when it has a problem, not for every host of a large file.
    /// </summary>
    public ValueList<string> StringValues(ConfigNode? node, string path, bool required = false)
    {
        if (node is not SequenceNode seq || seq.Items.Count == 0)
        {
            return Strings(node, path, required).Select(s => s.Value).ToValueList();
        }

        var values = new List<string>(seq.Items.Count);
        for (var i = 0; i < seq.Items.Count; i++)
        {
            var value = seq.Items[i] is ScalarNode { Kind: not ScalarKind.Null } s && (s.Kind != ScalarKind.String || !string.IsNullOrWhiteSpace(s.Text))
                ? s.Text
                : String(seq.Items[i], ConfigPath.Index(path, i), required: true);
            if (value is not null)
            {
                values.Add(value);
            }
        }

        return ValueList<string>.Wrap([.. values]);
    }

    public long? Integer(ConfigNode? node, string path, bool required, long min, long max)
    {
        switch (node)
        {
            case ScalarNode { Kind: ScalarKind.Integer } s:
                var value = YamlTreeReader.ParseInteger(s.Text);
                if (value is null || value < min || value > max)
                {
                    Report(ConfigCodes.OutOfRange.Create(path, $"{s.Text} is outside the range {min}..{max}"));
                    return null;
                }

                return value;
            case null:
            case ScalarNode { Kind: ScalarKind.Null }:
                if (required)
                {
                    Report(ConfigCodes.MissingValue.Create(path, $"'{path}' is required"));
                }

                return null;
            case ScalarNode { Kind: ScalarKind.String } s when YamlTreeReader.ResolvePlain(s.Text) == ScalarKind.Integer:
                Report(ConfigCodes.WrongType.Create(path, $"expected a number but found the quoted string \"{s.Text}\"", $"Write {s.Text} without quotes (with `pulumi config set --path`, add --type int)."));
                return null;
            default:
                Report(ConfigCodes.WrongType.Create(path, $"expected a whole number but found {node.Describe()}"));
                return null;
        }
    }

    public bool? Boolean(ConfigNode? node, string path)
    {
        switch (node)
        {
            case ScalarNode { Kind: ScalarKind.Boolean } s:
                return s.Text.Equals("true", StringComparison.OrdinalIgnoreCase);
            case ScalarNode { Kind: ScalarKind.String } s when s.Text is "true" or "false":
                // `pulumi config set` without --type stores booleans as strings.
                return s.Text == "true";
            case null:
            case ScalarNode { Kind: ScalarKind.Null }:
                return null;
            default:
                Report(ConfigCodes.WrongType.Create(path, $"expected true or false but found {node.Describe()}"));
                return null;
        }
    }

    public T? Enum<T>(ConfigNode? node, string path, FrozenDictionary<string, T> names, bool required = false)
        where T : struct
    {
        var text = String(node, path, required);
        if (text is null)
        {
            return null;
        }

        if (names.TryGetValue(text, out var value))
        {
            return value;
        }

        var accepted = string.Join(", ", names.Keys.Order(StringComparer.Ordinal));
        var suggestion = KeySuggester.Suggest(text, names.Keys);
        var hint = suggestion is null ? $"Use one of: {accepted}." : $"Did you mean '{suggestion}'? Accepted: {accepted}.";
        Report(ConfigCodes.InvalidValue.Create(path, $"'{text}' is not an accepted value", hint));
        return null;
    }
}
