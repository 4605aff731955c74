namespace EgressInfra.Core.Diagnostics;

/// <summary>
/// One finding about a stack or a manifest. Diagnostics are values: the Core never throws for bad
/// input, it returns these, and each door (Pulumi, egressctl) decides how to show them.
/// </summary>
/// <param name="Severity">Error blocks a deployment; warning and info do not.</param>
/// <param name="Code">Stable identifier, e.g. <c>EGR101</c>; documented in docs/diagnostics.md.</param>
/// <param name="Message">What is wrong, in one sentence.</param>
/// <param name="Path">Config path (<c>egress.services[2].ports[0].protocol</c>) or manifest path (<c>spec.hosts[0]</c>).</param>
/// <param name="Hint">How to fix it.</param>
/// <param name="Location">File and line, when the input came from a file.</param>
/// <param name="Resource">The object concerned, e.g. <c>ServiceEntry payments/stripe-api</c>.</param>
public sealed record Diagnostic(
    Severity Severity,
    string Code,
    string Message,
    string Path,
    string? Hint = null,
    SourceLocation? Location = null,
    string? Resource = null)
{
    public bool IsError => Severity == Severity.Error;

    public override string ToString()
    {
        var where = Location is null ? string.Empty : $"{Location.File}:{Location.Line}: ";
        var severity = Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "info",
        };
        var resource = Resource is null ? string.Empty : $" [{Resource}]";
        var hint = Hint is null ? string.Empty : $" (fix: {Hint})";
        return $"{where}{severity} {Code} {Path}{resource}: {Message}{hint}";
    }
}
