namespace EgressInfra.Core.Analysis;

/// <summary>An item and up to <see cref="ScopedConflicts.MaxNamed"/> items of another class it shares a scope with.</summary>
internal sealed record Conflict<T>(T Item, IReadOnlyList<T> Partners, bool More);

/// <summary>
/// Finds, within one <see cref="ScopedGroup{T}"/>, the items that share a scope with an item of a
/// different class (another protocol, another destination). Each class keeps a few representatives,
/// so the cost is linear in the group's size however many items collide.
/// </summary>
internal static class ScopedConflicts
{
    /// <summary>How many other entries a message names before it says "and others".</summary>
    public const int MaxNamed = 3;

    public static List<Conflict<T>> Find<T, TClass>(ScopedGroup<T> group, Func<T, TClass> classOf, Func<T, AnalyzedEntry> entryOf)
        where T : IEntryItem
        where TClass : notnull
    {
        var result = new List<Conflict<T>>();
        if (!group.HasSeveral || !HasTwoClasses(group, classOf))
        {
            return result;
        }

        var everywhere = new Summary<T, TClass>(group.All(), classOf, entryOf);
        var publicOnly = new Summary<T, TClass>(group.Public, classOf, entryOf);
        var locals = new Dictionary<string, Summary<T, TClass>>(StringComparer.Ordinal);
        Summary<T, TClass> Local(string ns, List<T> list)
        {
            if (!locals.TryGetValue(ns, out var summary))
            {
                summary = new Summary<T, TClass>(list, classOf, entryOf);
                locals.Add(ns, summary);
            }

            return summary;
        }

        // A public item meets every other item; a scoped one meets its namespaces' items and the public ones.
        // Partners in the item's own namespace are named first: messages then read the same for every copy.
        foreach (var item in group.Public)
        {
            var partners = new Partners<T>(entryOf);
            var ns = entryOf(item).Namespace;
            if (group.ByNamespace.TryGetValue(ns, out var own))
            {
                Local(ns, own).AddOthers(classOf(item), partners);
            }

            everywhere.AddOthers(classOf(item), partners);
            if (partners.Items.Count > 0)
            {
                result.Add(new Conflict<T>(item, partners.Items, partners.More));
            }
        }

        var scoped = new Dictionary<T, Partners<T>>();
        var order = new List<T>();
        foreach (var (ns, list) in group.ByNamespace)
        {
            var local = Local(ns, list);
            foreach (var item in list)
            {
                if (!scoped.TryGetValue(item, out var partners))
                {
                    partners = new Partners<T>(entryOf);
                    scoped.Add(item, partners);
                    order.Add(item);
                    publicOnly.AddOthers(classOf(item), partners);
                }

                local.AddOthers(classOf(item), partners);
            }
        }

        foreach (var item in order)
        {
            var partners = scoped[item];
            if (partners.Items.Count > 0)
            {
                result.Add(new Conflict<T>(item, partners.Items, partners.More));
            }
        }

        return result;
    }

    private static bool HasTwoClasses<T, TClass>(ScopedGroup<T> group, Func<T, TClass> classOf)
        where T : IEntryItem
        where TClass : notnull
    {
        var comparer = EqualityComparer<TClass>.Default;
        var first = true;
        TClass seen = default!;
        foreach (var item in group.All())
        {
            var c = classOf(item);
            if (first)
            {
                seen = c;
                first = false;
            }
            else if (!comparer.Equals(seen, c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The classes of a list with a few representatives each, in first-seen order.</summary>
    private sealed class Summary<T, TClass>
        where TClass : notnull
    {
        private readonly Dictionary<TClass, Partners<T>> _byClass = [];
        private readonly List<TClass> _order = [];

        public Summary(IEnumerable<T> items, Func<T, TClass> classOf, Func<T, AnalyzedEntry> entryOf)
        {
            foreach (var item in items)
            {
                var c = classOf(item);
                if (!_byClass.TryGetValue(c, out var reps))
                {
                    reps = new Partners<T>(entryOf);
                    _byClass.Add(c, reps);
                    _order.Add(c);
                }

                reps.Add(item);
            }
        }

        public void AddOthers(TClass own, Partners<T> sink)
        {
            foreach (var c in _order)
            {
                if (EqualityComparer<TClass>.Default.Equals(c, own))
                {
                    continue;
                }

                var reps = _byClass[c];
                foreach (var rep in reps.Items)
                {
                    sink.Add(rep);
                }

                if (reps.More)
                {
                    sink.More = true;
                }

                if (sink.More)
                {
                    return;
                }
            }
        }
    }
}

/// <summary>
/// Up to <see cref="ScopedConflicts.MaxNamed"/> items of distinct destinations, and whether more were
/// left out. Copies of one service in several namespaces are named once.
/// </summary>
internal sealed class Partners<T>(Func<T, AnalyzedEntry> entryOf)
{
    private readonly List<T> _items = [];

    public IReadOnlyList<T> Items => _items;

    public bool More { get; set; }

    public void Add(T item)
    {
        var entry = entryOf(item);
        foreach (var existing in _items)
        {
            if (entryOf(existing).Destination == entry.Destination)
            {
                return;
            }
        }

        if (_items.Count < ScopedConflicts.MaxNamed)
        {
            _items.Add(item);
        }
        else
        {
            More = true;
        }
    }
}
