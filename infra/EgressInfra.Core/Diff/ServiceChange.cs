namespace EgressInfra.Core.Diff;

/// <summary>A service present in both versions whose settings differ.</summary>
public sealed record ServiceChange(string Name, IReadOnlyList<FieldChange> Fields);
