namespace EgressInfra.Core.Diagnostics;

/// <summary>How much a finding matters. Declared most severe first so that sorting puts errors on top.</summary>
public enum Severity
{
    Error = 0,
    Warning = 1,
    Info = 2,
}
