namespace EgressInfra.Core.Diff;

/// <summary>
/// A service reduced to what matters for egress, field by field, each field a sorted list of rendered
/// values (a scalar field holds at most one), so that reordering a list is not a change.
/// </summary>
public sealed record ServiceSnapshot(string Name, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Fields)
{
    /// <summary>Fields that hold one value; the others are sets.</summary>
    public static readonly IReadOnlySet<string> ScalarFields = new HashSet<string>(StringComparer.Ordinal) { "resolution", "location", "owner", "reason", "preset" };

    public IReadOnlyList<string> this[string field] =>
        Fields.FirstOrDefault(f => f.Key == field).Value ?? [];

    /// <summary>One line: every non-empty field as <c>field value, value</c>.</summary>
    public string Summary() =>
        string.Join("; ", Fields.Where(f => f.Value.Count > 0).Select(f => $"{f.Key} {string.Join(", ", f.Value)}"));
}
