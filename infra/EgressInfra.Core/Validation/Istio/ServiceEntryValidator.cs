using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;

namespace EgressInfra.Core.Validation.Istio;

/// <summary>
/// Istio's admission rules for one ServiceEntry: the istiod webhook's <c>ValidateServiceEntry</c> (with
/// <c>validateMetadata</c> around it) and the CRD schema checks the API server applies first. Findings
/// carry manifest paths (<c>spec.ports[0].protocol</c>); the caller maps them to config paths.
/// </summary>
public static class ServiceEntryValidator
{
    /// <param name="entry">The entry as written; enum-like fields are judged exactly as Istio decodes them.</param>
    /// <param name="options">Which checking path to reproduce; <see cref="IstioValidationOptions.Default"/> when null.</param>
    public static IEnumerable<Diagnostic> Validate(ServiceEntry entry, IstioValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var context = new EntryContext(entry, options ?? IstioValidationOptions.Default);

        // The API server's schema runs before, and independently of, the webhook.
        CrdSchemaRules.Check(context);

        // Istio validateMetadata returns its one error before looking at the spec.
        if (MetadataRules.Check(context))
        {
            return context.Findings;
        }

        // Istio ValidateServiceEntry: selector label errors are returned alone, without other errors or warnings.
        if (WorkloadSelectorRules.CheckLabels(context))
        {
            return context.Findings;
        }

        // The rest in Istio's order, so that output reads like istiod's.
        WorkloadSelectorRules.Check(context);
        HostRules.Check(context);
        AddressRules.Check(context);
        PortRules.Check(context);
        ResolutionRules.Check(context);
        MultiHostRules.CheckNonHttpTlsPorts(context);
        ExportToRules.Check(context);
        return context.Findings;
    }
}
