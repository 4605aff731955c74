namespace EgressInfra.Core.Diagnostics;

/// <summary>
/// The one canonical order of diagnostics, so that output is byte-identical across runs: by file,
/// line, path, code, then message.
/// </summary>
public sealed class DiagnosticOrder : IComparer<Diagnostic>
{
    public static readonly DiagnosticOrder Instance = new();

    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var c = string.CompareOrdinal(x.Location?.File, y.Location?.File);
        if (c != 0)
        {
            return c;
        }

        c = (x.Location?.Line ?? 0).CompareTo(y.Location?.Line ?? 0);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Path, y.Path);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Code, y.Code);
        if (c != 0)
        {
            return c;
        }

        c = x.Severity.CompareTo(y.Severity);
        return c != 0 ? c : string.CompareOrdinal(x.Message, y.Message);
    }

    public static IReadOnlyList<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics.Distinct().ToList();
        list.Sort(Instance);
        return list;
    }
}
