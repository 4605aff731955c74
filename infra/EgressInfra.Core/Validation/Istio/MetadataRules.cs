using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Validation.Istio;

/// <summary>
/// Istio <c>validateMetadata</c>, which wraps every validation function: a forbidden annotation is
/// reported alone and nothing else is checked (rules 1–2).
/// </summary>
internal static class MetadataRules
{
    public const string DryRun = "istio.io/dry-run";

    // In the order Istio tests them; only the first one found is reported.
    private static readonly string[] InternalAnnotations =
    [
        "internal.istio.io/webhook-always-reject",
        "internal.istio.io/parent-namespace",
        "internal.istio.io/parents",
    ];

    /// <summary>Returns true when the entry is rejected on its metadata alone.</summary>
    public static bool Check(EntryContext context)
    {
        if (!context.Options.ConsiderMetadata)
        {
            return false;
        }

        var annotations = context.Entry.Metadata.Annotations;

        // Istio validateMetadata / checkDryRunAnnotation: only AuthorizationPolicy may carry istio.io/dry-run (rule 1).
        if (annotations.ContainsKey(DryRun))
        {
            context.Report(
                IstioCodes.DryRunAnnotation,
                SpecPaths.Annotation(DryRun),
                $"ServiceEntry {context.Namespace}/{context.Entry.Metadata.Name} has the annotation {DryRun}, which Istio accepts only on AuthorizationPolicy",
                $"remove the {DryRun} annotation from this ServiceEntry");
            return true;
        }

        // Istio validateMetadata: annotations that only istiod itself may set (rule 2).
        foreach (var key in InternalAnnotations)
        {
            if (annotations.ContainsKey(key))
            {
                context.Report(
                    IstioCodes.InternalAnnotation,
                    SpecPaths.Annotation(key),
                    $"the annotation '{key}' is reserved for istiod; Istio rejects any object that sets it",
                    $"remove the '{key}' annotation");
                return true;
            }
        }

        return false;
    }
}
