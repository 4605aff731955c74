namespace EgressInfra.Core.Diagnostics;

/// <summary>
/// The fixed description of one diagnostic code: its default severity, what it means, the Istio
/// message or rule it mirrors (if any), and the usual fix. The catalog of these is the source of the
/// table in docs/diagnostics.md.
/// </summary>
public sealed record DiagnosticDescriptor(
    string Code,
    Severity DefaultSeverity,
    string Title,
    string Fix,
    string? IstioCounterpart = null)
{
    public Diagnostic Create(string path, string message, string? hint = null, Severity? severity = null, string? resource = null) =>
        new(severity ?? DefaultSeverity, Code, message, path, hint ?? Fix, null, resource);
}
