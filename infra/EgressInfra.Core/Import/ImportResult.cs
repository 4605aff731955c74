using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Import;

/// <summary>
/// The stack file written from existing manifests, and what did not carry over: <see cref="Notes"/>
/// are also comments at the top of <see cref="StackText"/>; <see cref="Diagnostics"/> hold the same as
/// findings, plus any namespace whose grants differ between the manifests and the imported config.
/// </summary>
public sealed record ImportResult(
    string StackText,
    IReadOnlyList<string> Notes,
    IReadOnlyList<Diagnostic> Diagnostics,
    ImportCounts Counts)
{
    /// <summary>Per namespace, destinations the manifests grant that the imported config does not (-) or the other way (+).</summary>
    public IReadOnlyList<string> GrantDifferences { get; init; } = [];

    public bool GrantsMatch => GrantDifferences.Count == 0;
}

public sealed record ImportCounts(int Documents, int ServiceEntries, int Sidecars, int Skipped, int Services, int Presets);
