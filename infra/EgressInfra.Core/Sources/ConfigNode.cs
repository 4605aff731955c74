using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Sources;

/// <summary>
/// A source-neutral tree of configuration values. YAML stack files and the JSON that Pulumi hands the
/// program both become this tree, so that one binder and one set of rules serve both doors.
/// </summary>
public abstract class ConfigNode
{
    // A file's reader gives every node a place, but few are ever asked for it (a finding's location):
    // the file name and position are kept inline and the SourceLocation made on demand, which saves an
    // object per node of a large file.
    private readonly object? _where;
    private readonly int _line;
    private readonly int _column;

    protected ConfigNode(SourceLocation? location) => _where = location;

    protected ConfigNode(string file, int line, int column)
    {
        _where = file;
        _line = line;
        _column = column;
    }

    /// <summary>Where the node starts in its file; null when the value did not come from a file.</summary>
    public SourceLocation? Location => _where switch
    {
        SourceLocation location => location,
        string file => new SourceLocation(file, _line, _column),
        _ => null,
    };

    /// <summary>The parts of <see cref="Location"/> without making one (a source map reads every node's).</summary>
    internal (string? File, int Line, int Column) Position => _where switch
    {
        SourceLocation location => (location.File, location.Line, location.Column),
        string file => (file, _line, _column),
        _ => (null, 0, 0),
    };

    /// <summary>A short name of the node's kind for messages: "a mapping", "a list", "a string".</summary>
    public abstract string Describe();
}

/// <summary>The kind of a scalar after YAML 1.2 core-schema (or JSON) resolution.</summary>
public enum ScalarKind
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
}

public sealed class ScalarNode : ConfigNode
{
    public ScalarNode(string text, ScalarKind kind, SourceLocation? location = null)
        : base(location)
    {
        Text = text;
        Kind = kind;
    }

    internal ScalarNode(string text, ScalarKind kind, string file, int line, int column)
        : base(file, line, column)
    {
        Text = text;
        Kind = kind;
    }

    /// <summary>The scalar's text as written (for a JSON number, its invariant text).</summary>
    public string Text { get; }

    public ScalarKind Kind { get; }

    public override string Describe() => Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Boolean => $"the boolean {Text}",
        ScalarKind.Integer => $"the number {Text}",
        ScalarKind.Float => $"the number {Text}",
        _ => $"the string \"{Text}\"",
    };
}

public sealed class SequenceNode : ConfigNode
{
    public SequenceNode(IReadOnlyList<ConfigNode> items, SourceLocation? location = null)
        : base(location) => Items = items;

    internal SequenceNode(IReadOnlyList<ConfigNode> items, string file, int line, int column)
        : base(file, line, column) => Items = items;

    public IReadOnlyList<ConfigNode> Items { get; }

    public override string Describe() => "a list";
}

public sealed class MappingNode : ConfigNode
{
    public MappingNode(IReadOnlyList<KeyValuePair<ScalarNode, ConfigNode>> entries, SourceLocation? location = null)
        : base(location) => Entries = entries;

    internal MappingNode(IReadOnlyList<KeyValuePair<ScalarNode, ConfigNode>> entries, string file, int line, int column)
        : base(file, line, column) => Entries = entries;

    /// <summary>Entries in source order; duplicates are kept so that the binder can report them.</summary>
    public IReadOnlyList<KeyValuePair<ScalarNode, ConfigNode>> Entries { get; }

    public ConfigNode? this[string key] => Find(key) is { } i ? Entries[i].Value : null;

    /// <summary>Mappings longer than this are searched through an index, built on first use.</summary>
    private const int IndexThreshold = 16;

    private Dictionary<string, int>? _index;

    /// <summary>
    /// The position of the first entry with this key. Looking up every key of a mapping is then linear,
    /// not quadratic: a file with tens of thousands of unknown keys gets a finding per key, each located.
    /// </summary>
    public int? Find(string key)
    {
        if (Entries.Count <= IndexThreshold)
        {
            for (var i = 0; i < Entries.Count; i++)
            {
                if (Entries[i].Key.Text == key)
                {
                    return i;
                }
            }

            return null;
        }

        if (_index is null)
        {
            var index = new Dictionary<string, int>(Entries.Count, StringComparer.Ordinal);
            for (var i = 0; i < Entries.Count; i++)
            {
                index.TryAdd(Entries[i].Key.Text, i);
            }

            _index = index;
        }

        return _index.TryGetValue(key, out var found) ? found : null;
    }

    public override string Describe() => "a mapping";
}
