using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Config;

/// <summary>
/// One item of <c>egress.presets</c>: a catalog preset by name, and what the stack adds to it (who
/// may use it, who owns it and why). It expands to ordinary services before any rule runs.
/// </summary>
/// <param name="Namespaces">The governed namespaces allowed to use it; every governed namespace when not given.</param>
/// <param name="Region">Fills <c>{region}</c> in the preset's hosts (regional cloud endpoints).</param>
/// <param name="SourcePath">Config path of the item, <c>egress.presets[0]</c>.</param>
public sealed record PresetReference(
    string Name,
    ValueList<string> Namespaces,
    string? Owner,
    string? Reason,
    string? Region,
    string SourcePath);
