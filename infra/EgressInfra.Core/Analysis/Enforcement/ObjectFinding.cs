using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Enforcement;

/// <summary>A finding about the object at <paramref name="ObjectIndex"/> of the analysed set; its path is inside that object.</summary>
public sealed record ObjectFinding(int ObjectIndex, Diagnostic Diagnostic);
