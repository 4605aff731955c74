namespace EgressInfra.Core.Config.Binding;

/// <summary>Finds the known key a misspelt one was most likely meant to be ("did you mean").</summary>
public static class KeySuggester
{
    /// <summary>No near miss is further off than this (see the rule at the end of <see cref="Suggest"/>).</summary>
    private const int MaxDistance = 3;

    public static string? Suggest(string unknown, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var normalized = Normalize(unknown);
        var lower = unknown.ToLowerInvariant();
        foreach (var candidate in known)
        {
            if (Normalize(candidate) == normalized)
            {
                return candidate;
            }

            var distance = Distance(lower, candidate.ToLowerInvariant());
            // On a tie, a candidate of the same length (a transposition) beats an insertion or deletion.
            var tieBreak = distance == bestDistance && best is not null && candidate.Length == unknown.Length && best.Length != unknown.Length;
            if (distance < bestDistance || tieBreak)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        // A near miss is at most a third of the word off (hots → hosts, exportto → exportTo).
        return best is not null && bestDistance <= Math.Max(1, Math.Min(MaxDistance, best.Length / 3)) ? best : null;
    }

    private static string Normalize(string key) =>
        new string([.. key.Where(char.IsLetterOrDigit)]).ToLowerInvariant();

    /// <summary>
    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions), or
    /// <see cref="int.MaxValue"/> once it is certain to exceed <see cref="MaxDistance"/>: three rolling
    /// rows and an early stop keep thousands of unknown keys from costing a full table each.
    /// </summary>
    internal static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > MaxDistance)
        {
            return int.MaxValue;
        }

        var width = b.Length + 1;
        Span<int> rows = width <= 256 ? stackalloc int[width * 3] : new int[width * 3];
        var before = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        var previousMin = 0;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d = Math.Min(d, before[j - 2] + cost);
                }

                current[j] = d;
                rowMin = Math.Min(rowMin, d);
            }

            // A transposition reaches back two rows, so both must be past the limit.
            if (rowMin > MaxDistance && previousMin > MaxDistance)
            {
                return int.MaxValue;
            }

            previousMin = rowMin;
            var recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }
}
