namespace EgressInfra.Core.Config.Binding;

/// <summary>Finds the known key a misspelt one was most likely meant to be ("did you mean").</summary>
public static class KeySuggester
{
    public static string? Suggest(string unknown, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var normalized = Normalize(unknown);
        foreach (var candidate in known)
        {
            if (Normalize(candidate) == normalized)
            {
                return candidate;
            }

            var distance = Distance(unknown.ToLowerInvariant(), candidate.ToLowerInvariant());
            // On a tie, a candidate of the same length (a transposition) beats an insertion or deletion.
            var tieBreak = distance == bestDistance && best is not null && candidate.Length == unknown.Length && best.Length != unknown.Length;
            if (distance < bestDistance || tieBreak)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        // A near miss is at most a third of the word off (hots → hosts, exportto → exportTo).
        return best is not null && bestDistance <= Math.Max(1, Math.Min(3, best.Length / 3)) ? best : null;
    }

    private static string Normalize(string key) =>
        new string([.. key.Where(char.IsLetterOrDigit)]).ToLowerInvariant();

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    internal static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3)
        {
            return int.MaxValue;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + cost);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
