using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Changes;

/// <summary>
/// Evaluates a stack as it would be after a set of edits. Rather than a separate "would the policy
/// allow this" check, the edited tree goes through <see cref="EgressPipeline"/> itself, so the answer
/// can never drift from what <c>egressctl check</c> and the Pulumi program would say.
/// </summary>
public static class ChangeEvaluator
{
    public static EgressPlan Evaluate(MappingNode projectConfig, IEnumerable<ConfigEdit> edits, EvaluationOptions? options = null)
    {
        var edited = ConfigTreeEditor.Apply(projectConfig, edits);
        return EgressPipeline.Evaluate(edited, null, options);
    }

    /// <summary>Warnings of <paramref name="after"/> that <paramref name="before"/> did not have (by code, path and message).</summary>
    public static IReadOnlyList<Diagnostic> NewWarnings(EgressPlan before, EgressPlan after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var known = before.Warnings.Select(d => (d.Code, d.Path, d.Message)).ToHashSet();
        return [.. after.Warnings.Where(d => !known.Contains((d.Code, d.Path, d.Message)))];
    }
}
