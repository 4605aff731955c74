namespace EgressInfra.Core.Analysis;

/// <summary>
/// Answers "which item of another class overlaps this range?" in O(log n) after an O(n log n)
/// sort: items are ordered by start, and each prefix keeps the furthest-reaching item and the
/// furthest-reaching one of a different class. Any item starting at or before a range's end
/// overlaps it exactly when it reaches the range's start.
/// </summary>
internal sealed class IntervalSearch<T>
{
    private readonly UInt128[] _starts;
    private readonly Reach[] _best;
    private readonly Reach[] _second;

    public IntervalSearch(IEnumerable<T> items, Func<T, AddressRange> rangeOf, Func<T, int> classOf)
    {
        var sorted = items.Select(i => (Item: i, Range: rangeOf(i), Class: classOf(i))).ToArray();
        Array.Sort(sorted, static (a, b) => a.Range.Start.CompareTo(b.Range.Start));
        _starts = new UInt128[sorted.Length];
        _best = new Reach[sorted.Length];
        _second = new Reach[sorted.Length];
        Reach best = default, second = default;
        for (var i = 0; i < sorted.Length; i++)
        {
            var (item, range, cls) = sorted[i];
            var current = new Reach(item, range.End, cls, true);
            if (!best.Present || range.End > best.End)
            {
                if (best.Present && best.Class != cls)
                {
                    second = best;
                }

                best = current;
            }
            else if (cls != best.Class && (!second.Present || range.End > second.End))
            {
                second = current;
            }

            _starts[i] = range.Start;
            _best[i] = best;
            _second[i] = second;
        }
    }

    public int Count => _starts.Length;

    /// <summary>An item whose class is not <paramref name="ownClass"/> and whose range overlaps <paramref name="range"/>.</summary>
    public bool TryFind(AddressRange range, int ownClass, out T partner)
    {
        partner = default!;
        var last = LastStartAtOrBefore(range.End);
        if (last < 0)
        {
            return false;
        }

        var candidate = _best[last].Class != ownClass ? _best[last] : _second[last];
        if (!candidate.Present || candidate.End < range.Start)
        {
            return false;
        }

        partner = candidate.Item;
        return true;
    }

    private int LastStartAtOrBefore(UInt128 value)
    {
        int lo = 0, hi = _starts.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (_starts[mid] <= value)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    private readonly record struct Reach(T Item, UInt128 End, int Class, bool Present);
}
