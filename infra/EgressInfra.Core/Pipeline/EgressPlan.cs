using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Posture;

namespace EgressInfra.Core.Pipeline;

/// <summary>
/// The result of evaluating a stack: the model, the objects to deploy and every diagnostic, sorted.
/// Manifests are present only when there is no error, so no door can deploy half of a bad stack.
/// </summary>
public sealed record EgressPlan(StackConfig? Config, EgressManifests? Manifests, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the input could not be read at all (syntax error, not a mapping): exit code 2.</summary>
    public bool IsUnusable { get; init; }

    /// <summary>Each governed namespace's posture, sorted by namespace; empty when the config could not be bound.</summary>
    public IReadOnlyList<NamespacePosture> Postures { get; init; } = [];

    /// <summary>
    /// The entries built from the model in config order, each tied to its service, whether or not the
    /// plan has errors (the manifests do not carry them then); <c>diff</c> reads them instead of
    /// building them again. Empty when the config could not be bound.
    /// </summary>
    public IReadOnlyList<BuiltServiceEntry> ServiceEntries { get; init; } = [];

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == Severity.Warning);
}
