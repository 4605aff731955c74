using System.Text;

namespace EgressInfra.Core.Diff;

/// <summary>Writes an <see cref="EgressDiff"/> for a terminal: <c>+</c> gained, <c>-</c> lost, <c>~</c> changed.</summary>
public static class DiffText
{
    public static string Write(EgressDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var sb = new StringBuilder();
        sb.Append($"egress diff {diff.OldName} -> {diff.NewName}\n");
        foreach (var note in diff.Notes)
        {
            sb.Append($"note: {note}\n");
        }

        if (diff.IsEmpty)
        {
            sb.Append("no semantic egress changes\n");
            return sb.ToString();
        }

        if (diff.Stack.Count > 0)
        {
            sb.Append("stack:\n");
            foreach (var change in diff.Stack)
            {
                sb.Append($"  {Field(change)}\n");
                if (change.Why is not null)
                {
                    sb.Append($"    why it matters: {change.Why}\n");
                }
            }
        }

        if (diff.Destinations.Count > 0)
        {
            sb.Append("destinations:\n");
            foreach (var ns in diff.Destinations)
            {
                sb.Append($"  {ns.Namespace}:\n");
                foreach (var d in ns.Gained)
                {
                    sb.Append($"    + {d}\n");
                }

                foreach (var d in ns.Lost)
                {
                    sb.Append($"    - {d}\n");
                }
            }
        }

        if (diff.ServicesAdded.Count + diff.ServicesRemoved.Count + diff.ServicesChanged.Count > 0)
        {
            sb.Append("services:\n");
            foreach (var s in diff.ServicesAdded)
            {
                sb.Append($"  + {s.Name}: {s.Summary()}\n");
            }

            foreach (var s in diff.ServicesRemoved)
            {
                sb.Append($"  - {s.Name}\n");
            }

            foreach (var s in diff.ServicesChanged)
            {
                sb.Append($"  ~ {s.Name}\n");
                foreach (var change in s.Fields)
                {
                    sb.Append($"      {Field(change)}\n");
                }
            }
        }

        if (diff.WaiversAdded.Count + diff.WaiversRemoved.Count > 0)
        {
            sb.Append("waivers:\n");
            foreach (var w in diff.WaiversAdded)
            {
                sb.Append($"  + {w}\n");
            }

            foreach (var w in diff.WaiversRemoved)
            {
                sb.Append($"  - {w}\n");
            }
        }

        return sb.ToString();
    }

    /// <summary><c>resolution: NONE -> DNS</c>, or <c>hosts: + a, - b</c> for a set.</summary>
    public static string Field(FieldChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.IsScalar)
        {
            return $"{change.Field}: {change.Old ?? "(unset)"} -> {change.New ?? "(unset)"}";
        }

        var parts = change.Added.Select(a => $"+ {a}").Concat(change.Removed.Select(r => $"- {r}"));
        return $"{change.Field}: {string.Join(", ", parts)}";
    }
}
