namespace EgressInfra.Core.Diff;

/// <summary>A setting that differs: a scalar (<see cref="Old"/> to <see cref="New"/>) or a set (<see cref="Added"/>, <see cref="Removed"/>).</summary>
/// <param name="Why">Why the change matters to a reviewer, for a change that loosens the policy; null otherwise.</param>
public sealed record FieldChange(string Field, string? Old, string? New, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, string? Why = null)
{
    public bool IsScalar => Added.Count == 0 && Removed.Count == 0;
}
