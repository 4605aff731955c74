using System.Text;

namespace EgressInfra.Core.Diff;

/// <summary>
/// Writes an <see cref="EgressDiff"/> as GitHub-flavoured Markdown for a pull-request comment: tables
/// of destinations and services, so the change shows at a glance.
/// </summary>
public static class DiffMarkdown
{
    public static string Write(EgressDiff diff, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var sb = new StringBuilder();
        sb.Append("### ").Append(title is null ? $"Egress changes: {Code(diff.OldName)} → {Code(diff.NewName)}" : Text(title)).Append("\n\n");
        foreach (var note in diff.Notes)
        {
            sb.Append("> **Note:** ").Append(Text(note)).Append("\n\n");
        }

        if (diff.IsEmpty)
        {
            sb.Append("No semantic egress changes.\n");
            return sb.ToString();
        }

        if (diff.Destinations.Count > 0)
        {
            sb.Append("**Destinations**\n\n| namespace | change | destination |\n| --- | --- | --- |\n");
            foreach (var ns in diff.Destinations)
            {
                foreach (var d in ns.Gained)
                {
                    sb.Append($"| {Code(ns.Namespace)} | gained | {Code(d)} |\n");
                }

                foreach (var d in ns.Lost)
                {
                    sb.Append($"| {Code(ns.Namespace)} | **lost** | {Code(d)} |\n");
                }
            }

            sb.Append('\n');
        }

        if (diff.ServicesAdded.Count + diff.ServicesRemoved.Count + diff.ServicesChanged.Count > 0)
        {
            sb.Append("**Services**\n\n| service | change | details |\n| --- | --- | --- |\n");
            foreach (var s in diff.ServicesAdded)
            {
                var details = s.Fields.Where(f => f.Value.Count > 0).Select(f => $"{f.Key} {Values(f.Key, f.Value)}");
                sb.Append($"| {Code(s.Name)} | added | {string.Join("<br>", details)} |\n");
            }

            foreach (var s in diff.ServicesRemoved)
            {
                sb.Append($"| {Code(s.Name)} | **removed** | {Values("hosts", s["hosts"])} |\n");
            }

            foreach (var s in diff.ServicesChanged)
            {
                sb.Append($"| {Code(s.Name)} | changed | {string.Join("<br>", s.Fields.Select(Field))} |\n");
            }

            sb.Append('\n');
        }

        if (diff.Stack.Count > 0)
        {
            sb.Append("**Stack**\n\n");
            foreach (var change in diff.Stack)
            {
                sb.Append("- ").Append(Field(change));
                if (change.Why is not null)
                {
                    sb.Append(" — **why it matters:** ").Append(Text(change.Why));
                }

                sb.Append('\n');
            }

            sb.Append('\n');
        }

        if (diff.WaiversAdded.Count + diff.WaiversRemoved.Count > 0)
        {
            sb.Append("**Waivers**\n\n");
            foreach (var w in diff.WaiversAdded)
            {
                sb.Append("- added ").Append(Code(w)).Append('\n');
            }

            foreach (var w in diff.WaiversRemoved)
            {
                sb.Append("- removed ").Append(Code(w)).Append('\n');
            }

            sb.Append('\n');
        }

        return sb.ToString().TrimEnd('\n') + "\n";
    }

    private static string Field(FieldChange change)
    {
        if (change.IsScalar)
        {
            return $"{change.Field}: {Value(change.Field, change.Old)} → {Value(change.Field, change.New)}";
        }

        var parts = change.Added.Select(a => $"+ {Code(a)}").Concat(change.Removed.Select(r => $"− {Code(r)}"));
        return $"{change.Field}: {string.Join(", ", parts)}";
    }

    private static string Values(string field, IReadOnlyList<string> values) =>
        string.Join(", ", values.Select(v => Value(field, v)));

    // Owner and reason are prose; everything else is an identifier and reads best as code.
    private static string Value(string field, string? value) =>
        value is null ? "(unset)" : field is "owner" or "reason" ? Text(value) : Code(value);

    /// <summary>A code span that survives a table cell: no backticks inside, pipes escaped.</summary>
    public static string Code(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "`" + value.Replace('`', '\'').Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ") + "`";
    }

    /// <summary>Prose with Markdown's and HTML's active characters escaped, on one line.</summary>
    public static string Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder();
        foreach (var c in value.ReplaceLineEndings(" "))
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '~':
                    sb.Append('\\').Append(c);
                    break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }
}
