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
        ArgumentNullException.ThrowIfNull(entries);
        KeyValuePair<string, TValue>[] ordered = [.. entries];

        // A stable sort keeps equal keys in input order, so the last of each run is the one that wins.
        // Maps here are small (labels, annotations, ports): an insertion sort in place allocates nothing.
        if (ordered.Length > 32)
        {
            ordered = [.. ordered.OrderBy(static e => e.Key, StringComparer.Ordinal)];
        }
        else
        {
            for (var i = 1; i < ordered.Length; i++)
            {
                var item = ordered[i];
                var j = i - 1;
                while (j >= 0 && string.CompareOrdinal(ordered[j].Key, item.Key) > 0)
                {
                    ordered[j + 1] = ordered[j];
                    j--;
                }

                ordered[j + 1] = item;
            }
        }

        var count = 0;
        for (var i = 0; i < ordered.Length; i++)
        {
            if (count > 0 && string.Equals(ordered[count - 1].Key, ordered[i].Key, StringComparison.Ordinal))
            {
                ordered[count - 1] = ordered[i];
            }
            else
            {
                ordered[count++] = ordered[i];
            }
        }

        _entries = count == ordered.Length ? ordered : ordered[..count];
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
