namespace EgressInfra.Core.Analysis;

/// <summary>
/// Items sharing one key (a port, a host, a host and port), split by export scope: those visible
/// everywhere and, for the rest, one list per namespace that sees them. Two items can meet in a
/// proxy only when one is public or both are visible in the same namespace.
/// </summary>
internal sealed class ScopedGroup<T>
{
    public List<T> Public { get; } = [];

    public Dictionary<string, List<T>> ByNamespace { get; } = new(StringComparer.Ordinal);

    public void Add(T item, ExportScope scope)
    {
        if (scope.IsPublic)
        {
            Public.Add(item);
            return;
        }

        foreach (var ns in scope.Namespaces)
        {
            if (!ByNamespace.TryGetValue(ns, out var list))
            {
                list = [];
                ByNamespace.Add(ns, list);
            }

            list.Add(item);
        }
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

    /// <summary>True when the group holds placements in more than one scope view or more than one item.</summary>
    public bool HasSeveral => Public.Count + ByNamespace.Values.Sum(l => l.Count) > 1;
}
