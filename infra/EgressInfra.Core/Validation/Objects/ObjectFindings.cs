using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Validation.Objects;

/// <summary>Collects one object's findings; every rule reports here, so that all problems come out at once.</summary>
public sealed class ObjectFindings
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    /// <summary>Reports at the code's own severity.</summary>
    public void Add(DiagnosticDescriptor code, string path, string message, string? hint = null) =>
        _items.Add(code.Create(path, message, hint));

    /// <summary>Reports as a warning whatever the code's severity (Istio admits the object and warns).</summary>
    public void Warn(DiagnosticDescriptor code, string path, string message, string? hint = null) =>
        _items.Add(code.Create(path, message, hint, Severity.Warning));

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);
}
