using System.Globalization;
using System.Text;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Pipeline;
using Pulumi;

namespace EgressInfra.Diagnostics;

/// <summary>How the Core's diagnostics reach a Pulumi user: errors stop the run, warnings go to the log.</summary>
internal static class DiagnosticReport
{
    /// <summary>
    /// Fails the run, before any resource is registered, with every diagnostic in the Core's order:
    /// one run shows everything to fix, as <c>egressctl check</c> does.
    /// </summary>
    public static void ThrowIfErrors(EgressPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.HasErrors || plan.Config is null || plan.Manifests is null)
        {
            throw new RunException(FailureMessage(plan.Diagnostics));
        }
    }

    /// <param name="what">What the errors are about, e.g. "the stack's config".</param>
    public static string FailureMessage(IReadOnlyList<Diagnostic> diagnostics, string what = "the stack's config")
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var errors = diagnostics.Count(d => d.IsError);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"egress-infra: {what} has {errors} error{(errors == 1 ? string.Empty : "s")}; nothing was registered.");
        foreach (var diagnostic in diagnostics)
        {
            sb.Append("\n  ").Append(diagnostic);
        }

        return sb.ToString();
    }

    public static void LogWarnings(EgressPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var warning in plan.Warnings)
        {
            Log.Warn(warning.ToString());
        }
    }
}
