using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;

namespace EgressInfra.Core.Lint;

/// <summary>The outcome of linting a set of files: every finding in canonical order, and what was read.</summary>
/// <param name="ServiceEntries">The entries Istio could decode, as written, in file and document order.</param>
/// <param name="Sidecars">The Sidecars Istio could decode, in file and document order.</param>
public sealed record LintResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    LintCounts Counts,
    IReadOnlyList<ServiceEntry> ServiceEntries,
    IReadOnlyList<Sidecar> Sidecars)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);

    public bool HasErrors => Errors > 0;
}
