namespace EgressInfra.Core.Validation.Objects;

/// <summary>Istio's host.Name comparisons: a leading '*' matches any prefix (case-sensitive, as Istio compares).</summary>
public static class IstioHostName
{
    public static bool IsWildcard(string host) => host.Length > 0 && host[0] == '*';

    /// <summary>host.Name.Matches: the two hosts have a name in common.</summary>
    public static bool Matches(string a, string b)
    {
        var aw = IsWildcard(a);
        var bw = IsWildcard(b);
        if (aw && bw)
        {
            return a.Length < b.Length ? b[1..].EndsWith(a[1..], StringComparison.Ordinal) : a[1..].EndsWith(b[1..], StringComparison.Ordinal);
        }

        if (aw)
        {
            return b.EndsWith(a[1..], StringComparison.Ordinal);
        }

        return bw ? a.EndsWith(b[1..], StringComparison.Ordinal) : a == b;
    }

    /// <summary>host.Name.SubsetOf: every name <paramref name="a"/> covers is covered by <paramref name="b"/>.</summary>
    public static bool SubsetOf(string a, string b)
    {
        var aw = IsWildcard(a);
        var bw = IsWildcard(b);
        if (aw)
        {
            return bw && a.Length >= b.Length && a[1..].EndsWith(b[1..], StringComparison.Ordinal);
        }

        return bw ? a.EndsWith(b[1..], StringComparison.Ordinal) : a == b;
    }
}
