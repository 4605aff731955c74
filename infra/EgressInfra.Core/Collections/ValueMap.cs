using System.Collections;

namespace EgressInfra.Core.Collections;

/// <summary>
/// An immutable string-keyed map, kept sorted by ordinal key so that it renders the same way every
/// time, with value equality.
/// </summary>
public sealed class ValueMap<TValue> : IReadOnlyDictionary<string, TValue>, IEquatable<ValueMap<TValue>>
{
    public static readonly ValueMap<TValue> Empty = new([]);

    private readonly KeyValuePair<string, TValue>[] _entries;

    public ValueMap(IEnumerable<KeyValuePair<string, TValue>> entries)
    {
        var list = new List<KeyValuePair<string, TValue>>();
        foreach (var group in entries.GroupBy(e => e.Key, StringComparer.Ordinal))
        {
            list.Add(group.Last());
        }

        list.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        _entries = [.. list];
    }

    public int Count => _entries.Length;

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    public IEnumerable<TValue> Values => _entries.Select(e => e.Value);

    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, out TValue value)
    {
        var lo = 0;
        var hi = _entries.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var c = string.CompareOrdinal(_entries[mid].Key, key);
            if (c == 0)
            {
                value = _entries[mid].Value;
                return true;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        value = default!;
        return false;
    }

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, TValue>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _entries.GetEnumerator();

    public bool Equals(ValueMap<TValue>? other) =>
        other is not null && (ReferenceEquals(this, other) || _entries.AsSpan().SequenceEqual(other._entries));

    public override bool Equals(object? obj) => obj is ValueMap<TValue> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var entry in _entries)
        {
            hash.Add(entry.Key);
            hash.Add(entry.Value);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => $"{{{string.Join(", ", _entries.Select(e => $"{e.Key}: {e.Value}"))}}}";
}

public static class ValueMap
{
    public static ValueMap<TValue> ToValueMap<TValue>(this IEnumerable<KeyValuePair<string, TValue>> entries) => new(entries);

    public static ValueMap<string> Of(params (string Key, string Value)[] entries) =>
        new(entries.Select(e => new KeyValuePair<string, string>(e.Key, e.Value)));
}
