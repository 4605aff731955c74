using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Fragments;

/// <summary>The fragments read for one stack: their services and presets (owner filled in), the fragments themselves and the problems.</summary>
public sealed record LoadedFragments(
    IReadOnlyList<ConfigNode> Services,
    IReadOnlyList<ConfigNode> Presets,
    IReadOnlyList<Fragment> Fragments,
    IReadOnlyList<Diagnostic> Problems)
{
    /// <summary>Each appended service's path in its fragment (<c>services[0]</c>), in the order of <see cref="Services"/>.</summary>
    public IReadOnlyList<string> ServiceOrigins { get; init; } = [];

    /// <summary>Each appended preset's path in its fragment, in the order of <see cref="Presets"/>.</summary>
    public IReadOnlyList<string> PresetOrigins { get; init; } = [];
}
