namespace EgressInfra.Core.Analysis;

/// <summary>An index item: something of one entry (a host, a port, an address).</summary>
internal interface IEntryItem
{
    AnalyzedEntry Entry { get; }
}

/// <summary>
/// Items sharing one key (a port, a host, a host and port), split by export scope: those visible
/// everywhere and, for the rest, one list per namespace that sees them. Two items can meet in a
/// proxy only when one is public or both are visible in the same namespace.
/// </summary>
/// <remarks>
/// Most keys hold one item, or the copies of one service placed in several namespaces, which reach
/// the same destination and cannot conflict. Such groups keep their items in one flat list and
/// never build the per-scope lists, so a large stack pays little for its quiet keys.
/// </remarks>
internal sealed class ScopedGroup<T>
    where T : IEntryItem
{
    private static readonly Dictionary<string, List<T>> NoNamespaces = [];

    private readonly List<(T Item, ExportScope Scope)> _placed = new(1);
    private AnalyzedEntry? _lastEntry;
    private List<T>? _public;
    private Dictionary<string, List<T>>? _byNamespace;

    /// <summary>
    /// True when the group holds items of different destinations, or two items of one entry: only
    /// then can two of its items disagree. Rules skip every other group.
    /// </summary>
    public bool HasSeveral { get; private set; }

    /// <summary>The first item added (a group is created with one).</summary>
    public T First => _placed[0].Item;

    /// <summary>Every item with its scope, in the order added.</summary>
    public IReadOnlyList<(T Item, ExportScope Scope)> Placed => _placed;

    public IReadOnlyList<T> Public
    {
        get
        {
            Split();
            return _public ?? [];
        }
    }

    public IReadOnlyDictionary<string, List<T>> ByNamespace
    {
        get
        {
            Split();
            return _byNamespace ?? NoNamespaces;
        }
    }

    public void Add(T item, ExportScope scope)
    {
        if (_placed.Count > 0 && !HasSeveral)
        {
            HasSeveral = item.Entry.Destination != _placed[0].Item.Entry.Destination || ReferenceEquals(item.Entry, _lastEntry);
        }

        _placed.Add((item, scope));
        _lastEntry = item.Entry;
        _public = null;
        _byNamespace = null;
    }

    /// <summary>Every placement of every item: public ones once, others once per namespace.</summary>
    public IEnumerable<T> All()
    {
        foreach (var item in Public)
        {
            yield return item;
        }

        foreach (var list in ByNamespace.Values)
        {
            foreach (var item in list)
            {
                yield return item;
            }
        }
    }

    private void Split()
    {
        if (_public is not null || _byNamespace is not null)
        {
            return;
        }

        foreach (var (item, scope) in _placed)
        {
            if (scope.IsPublic)
            {
                (_public ??= []).Add(item);
                continue;
            }

            foreach (var ns in scope.Namespaces)
            {
                _byNamespace ??= new Dictionary<string, List<T>>(StringComparer.Ordinal);
                if (!_byNamespace.TryGetValue(ns, out var list))
                {
                    list = [];
                    _byNamespace.Add(ns, list);
                }

                list.Add(item);
            }
        }
    }
}
