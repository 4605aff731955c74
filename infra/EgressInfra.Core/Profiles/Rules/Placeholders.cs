namespace EgressInfra.Core.Profiles.Rules;

/// <summary>
/// Owner and reason texts that hold no answer: the <c>&lt;team&gt;</c> and <c>&lt;why …&gt;</c>
/// placeholders `explain` prints for a change, and the usual fill-ins (TODO, TBD, n/a, …).
/// </summary>
public static class Placeholders
{
    private static readonly HashSet<string> FillIns = new(StringComparer.OrdinalIgnoreCase)
    {
        "todo", "tbd", "tba", "fixme", "xxx", "n/a", "na", "none", "null", "nil", "unknown", "-", "--", "?", "??", "...", "placeholder", "changeme", "change me", "owner", "reason", "team",
    };

    public static bool IsPlaceholder(string text)
    {
        var value = text.Trim();
        if (FillIns.Contains(value) || FillIns.Contains(value.TrimEnd('.', '!', ':')))
        {
            return true;
        }

        // An angle-bracketed slot anywhere: "<team>", "<why orders needs api.stripe.com:443>", "team-<name>".
        var open = value.IndexOf('<', StringComparison.Ordinal);
        return open >= 0 && value.IndexOf('>', open + 1) > open + 1;
    }
}
