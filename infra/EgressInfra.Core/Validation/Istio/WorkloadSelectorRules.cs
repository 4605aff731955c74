using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Validation.Istio;

/// <summary>ServiceEntry <c>workloadSelector</c> (Istio <c>ValidateAlphaWorkloadSelector</c> and rule 6).</summary>
internal static class WorkloadSelectorRules
{
    /// <summary>
    /// Rules 3–4. Returns true when a label is rejected: Istio then returns these errors alone, without
    /// checking anything else and without any warning.
    /// </summary>
    public static bool CheckLabels(EntryContext context)
    {
        var selector = context.Spec.WorkloadSelector;
        if (selector is null)
        {
            return false;
        }

        var rejected = false;
        foreach (var (key, value) in selector.Labels)
        {
            // Istio ValidateAlphaWorkloadSelector: empty key is not supported in selector (rule 3).
            if (key.Length == 0)
            {
                context.Report(
                    IstioCodes.SelectorEmptyKey,
                    SpecPaths.SelectorLabel(key),
                    $"a workloadSelector label has an empty key (value '{value}')",
                    "give the label a key, e.g. app: " + (value.Length == 0 ? "my-app" : value));
                rejected = true;
            }

            // Istio ValidateAlphaWorkloadSelector: wildcard is not supported in selector (rule 4).
            if (key.Contains('*', StringComparison.Ordinal) || value.Contains('*', StringComparison.Ordinal))
            {
                context.Report(
                    IstioCodes.SelectorWildcard,
                    SpecPaths.SelectorLabel(key),
                    $"workloadSelector label '{key}={value}' contains '*', but selectors match exact keys and values",
                    "write the exact label value, or remove the label to select on the others");
                rejected = true;
            }
        }

        return rejected;
    }

    /// <summary>Rules 5–6.</summary>
    public static void Check(EntryContext context)
    {
        var selector = context.Spec.WorkloadSelector;
        if (selector is null)
        {
            return;
        }

        // Istio ValidateServiceEntry: workload selector specified without labels, will be applied to all services in namespace (rule 5).
        if (selector.Labels.Count == 0)
        {
            context.Report(
                IstioCodes.SelectorWithoutLabels,
                SpecPaths.WorkloadSelector,
                $"workloadSelector has no labels, so it selects every workload in namespace '{context.Namespace}'",
                "add the labels of the workloads this entry stands for, or remove workloadSelector");
        }

        // Istio ValidateServiceEntry: only one of WorkloadSelector or Endpoints is allowed (rule 6).
        if (context.Spec.Endpoints.Count > 0)
        {
            context.Report(
                IstioCodes.SelectorWithEndpoints,
                SpecPaths.WorkloadSelector,
                $"workloadSelector and {context.Spec.Endpoints.Count} endpoint(s) are both set; an entry takes its backends from one or the other",
                "keep workloadSelector to use mesh workloads, or keep endpoints to list addresses, not both");
        }
    }
}
