using EgressInfra.Core.Pipeline;

namespace EgressInfra.Core.Diff;

/// <summary>The result of comparing two stack files: both evaluations, and the diff when both bound to a model.</summary>
public sealed record DiffResult(EgressPlan Old, EgressPlan New, EgressDiff? Diff);
