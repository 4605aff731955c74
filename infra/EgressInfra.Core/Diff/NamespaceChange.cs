namespace EgressInfra.Core.Diff;

/// <summary>Destinations one namespace gains and loses.</summary>
public sealed record NamespaceChange(string Namespace, IReadOnlyList<string> Gained, IReadOnlyList<string> Lost);
