using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Sources;

/// <summary>
/// Where every node of a config tree was written, without the tree: only what locating a finding
/// needs (the walk of <see cref="ConfigPath.LocateSource"/>), in a few flat arrays. The pipeline takes
/// this once the model is bound and lets the parse tree go, so that a large stack's tree (several
/// times the file's size) is not held while its objects are built, analysed and judged.
/// </summary>
public sealed class SourceMap
{
    // Mappings longer than this are searched through an index, built on first use, as MappingNode does.
    private const int IndexThreshold = 16;

    // Per node: its shape; where it starts (a file's index, or -1 when it came from no file); for a
    // mapping or list, the slot of its first child and how many children it has. A mapping's children
    // are pairs, the key's node then the value's, and a key's node keeps its text.
    private readonly Shape[] _shape;
    private readonly int[] _file;
    private readonly int[] _line;
    private readonly int[] _column;
    private readonly int[] _first;
    private readonly int[] _count;
    private readonly string?[] _key;
    private readonly string[] _files;
    private Dictionary<int, Dictionary<string, int>>? _indexes;

    private SourceMap(Builder built)
    {
        _shape = built.Shape;
        _file = built.File;
        _line = built.Line;
        _column = built.Column;
        _first = built.First;
        _count = built.ChildCount;
        _key = built.Key;
        _files = [.. built.Files];
    }

    /// <summary>How many nodes the map holds (a mapping entry is two: its key and its value).</summary>
    public int Count => _shape.Length;

    private enum Shape : byte
    {
        Scalar,
        Mapping,
        Sequence,
    }

    /// <summary>The positions of <paramref name="root"/>'s tree. A node reached twice (a YAML alias) is mapped once.</summary>
    public static SourceMap Of(ConfigNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        // Sized exactly first: growing seven arrays by doubling would allocate (and leave behind) twice
        // the map in large-object heap, on a large stack about as much as the tree this map replaces.
        var seen = new Dictionary<ConfigNode, int>(ReferenceEqualityComparer.Instance);
        var builder = new Builder(1 + Builder.Slots(root, seen), seen);
        builder.Fill(builder.Reserve(1), root, null);
        return new SourceMap(builder);
    }

    /// <summary>The same answer as <see cref="ConfigPath.LocateSource"/> on the tree this map was taken from.</summary>
    public SourceLocation? Locate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = ConfigPath.Parse(path);
        if (segments is null)
        {
            return At(0);
        }

        var node = 0;
        var keyNode = -1;
        foreach (var segment in segments)
        {
            var next = -1;
            var nextKey = -1;
            if (segment is string key && _shape[node] == Shape.Mapping && Find(node, key) is { } found)
            {
                nextKey = _first[node] + (2 * found);
                next = nextKey + 1;
            }
            else if (segment is int index && _shape[node] == Shape.Sequence && index < _count[node])
            {
                next = _first[node] + index;
            }

            if (next < 0)
            {
                return At(keyNode) ?? At(node);
            }

            node = next;
            keyNode = nextKey;
        }

        return _shape[node] == Shape.Scalar ? At(node) ?? At(keyNode) : At(keyNode) ?? At(node);
    }

    private SourceLocation? At(int node) =>
        node < 0 || _file[node] < 0 ? null : new SourceLocation(_files[_file[node]], _line[node], _column[node]);

    /// <summary>The position among its entries of the mapping's first entry with this key, like MappingNode.Find.</summary>
    private int? Find(int map, string key)
    {
        var first = _first[map];
        var count = _count[map] / 2;
        if (count <= IndexThreshold)
        {
            for (var i = 0; i < count; i++)
            {
                if (_key[first + (2 * i)] == key)
                {
                    return i;
                }
            }

            return null;
        }

        _indexes ??= [];
        if (!_indexes.TryGetValue(first, out var index))
        {
            index = new Dictionary<string, int>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                index.TryAdd(_key[first + (2 * i)]!, i);
            }

            _indexes[first] = index;
        }

        return index.TryGetValue(key, out var found) ? found : null;
    }

    private sealed class Builder
    {
        // A mapping or list met again (through an alias) shares the children already mapped, so an
        // alias-heavy file costs no more here than its tree does. The sizing pass met every container
        // first (slot -1); filling records each one's slot in the same table, so there is one table.
        private readonly Dictionary<ConfigNode, int> _mapped;
        private readonly Dictionary<string, int> _fileIndex = new(StringComparer.Ordinal);

        private int _count;

        public Builder(int size, Dictionary<ConfigNode, int> seen)
        {
            _mapped = seen;
            Shape = new Shape[size];
            File = new int[size];
            Line = new int[size];
            Column = new int[size];
            First = new int[size];
            ChildCount = new int[size];
            Key = new string?[size];
        }

        public Shape[] Shape { get; }

        public int[] File { get; }

        public int[] Line { get; }

        public int[] Column { get; }

        public int[] First { get; }

        public int[] ChildCount { get; }

        public string?[] Key { get; }

        public List<string> Files { get; } = [];

        /// <summary>The slots the children of <paramref name="node"/> take, all the way down, a node met before counted once.</summary>
        public static int Slots(ConfigNode node, Dictionary<ConfigNode, int> seen)
        {
            var slots = 0;
            switch (node)
            {
                case MappingNode map when seen.TryAdd(map, -1):
                    slots += 2 * map.Entries.Count;
                    foreach (var entry in map.Entries)
                    {
                        slots += Slots(entry.Value, seen);
                    }

                    break;
                case SequenceNode seq when seen.TryAdd(seq, -1):
                    slots += seq.Items.Count;
                    foreach (var item in seq.Items)
                    {
                        slots += Slots(item, seen);
                    }

                    break;
            }

            return slots;
        }

        /// <summary>Contiguous slots for <paramref name="n"/> nodes; the index of the first.</summary>
        public int Reserve(int n)
        {
            var start = _count;
            _count += n;
            return start;
        }

        public void Fill(int slot, ConfigNode node, string? key)
        {
            var (file, line, column) = node.Position;
            File[slot] = file is null ? -1 : FileIndex(file);
            Line[slot] = line;
            Column[slot] = column;
            Key[slot] = key;
            switch (node)
            {
                case MappingNode map:
                    Shape[slot] = Sources.SourceMap.Shape.Mapping;
                    if (!Shared(slot, node))
                    {
                        var first = Reserve(2 * map.Entries.Count);
                        First[slot] = first;
                        ChildCount[slot] = 2 * map.Entries.Count;
                        for (var i = 0; i < map.Entries.Count; i++)
                        {
                            var entry = map.Entries[i];
                            Fill(first + (2 * i), entry.Key, entry.Key.Text);
                            Fill(first + (2 * i) + 1, entry.Value, null);
                        }
                    }

                    break;
                case SequenceNode seq:
                    Shape[slot] = Sources.SourceMap.Shape.Sequence;
                    if (!Shared(slot, node))
                    {
                        var first = Reserve(seq.Items.Count);
                        First[slot] = first;
                        ChildCount[slot] = seq.Items.Count;
                        for (var i = 0; i < seq.Items.Count; i++)
                        {
                            Fill(first + i, seq.Items[i], null);
                        }
                    }

                    break;
                default:
                    Shape[slot] = Sources.SourceMap.Shape.Scalar;
                    break;
            }
        }

        /// <summary>Points the slot at the children of the same node mapped before; false (and remembered) the first time.</summary>
        private bool Shared(int slot, ConfigNode node)
        {
            if (_mapped.TryGetValue(node, out var before) && before >= 0)
            {
                First[slot] = First[before];
                ChildCount[slot] = ChildCount[before];
                return true;
            }

            _mapped[node] = slot;
            return false;
        }

        private int FileIndex(string file)
        {
            if (!_fileIndex.TryGetValue(file, out var index))
            {
                index = Files.Count;
                Files.Add(file);
                _fileIndex[file] = index;
            }

            return index;
        }
    }
}
