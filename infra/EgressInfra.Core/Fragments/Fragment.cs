using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Fragments;

/// <summary>One team-owned fragment as included: its project path, its owner and what it defines.</summary>
/// <param name="Path">Project-relative path (<c>egress.d/payments.yaml</c>), as CODEOWNERS names it.</param>
/// <param name="Display">How findings name the file.</param>
public sealed record Fragment(
    string Path,
    string Display,
    string? Owner,
    SourceLocation? OwnerLocation,
    IReadOnlyList<string> Services,
    IReadOnlyList<string> Presets);
