using System.Collections;

namespace EgressInfra.Core.Collections;

/// <summary>
/// An immutable list with value equality, so that records holding lists compare by content: two
/// renders of the same config are equal objects, not merely equal text.
/// </summary>
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    public static readonly ValueList<T> Empty = new([]);

    private readonly T[] _items;

    public ValueList(IEnumerable<T> items) => _items = [.. items];

    private ValueList(T[] items, bool _) => _items = items;

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public static ValueList<T> Wrap(T[] items) => items.Length == 0 ? Empty : new ValueList<T>(items, true);

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default));

    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => $"[{string.Join(", ", _items)}]";
}

public static class ValueList
{
    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => ValueList<T>.Wrap([.. items]);

    public static ValueList<T> Of<T>(params T[] items) => ValueList<T>.Wrap([.. items]);
}
