using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis;

/// <summary>
/// A finding about one entry of a set: <see cref="EntryIndex"/> says which, and the diagnostic's path
/// is relative to that entry's manifest (<c>spec.ports[0]</c>), so each door can map it to a config
/// path (check) or a file line (lint).
/// </summary>
public sealed record EntryFinding(int EntryIndex, Diagnostic Diagnostic);
