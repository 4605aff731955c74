using EgressInfra.Core.Collections;
using EgressInfra.Core.Manifests;

namespace EgressInfra.Core.Delivery;

/// <summary>What the preflight must read for a plan: the CRDs of the kinds it registers and its namespaces.</summary>
public sealed record PreflightReads(ValueList<string> Crds, ValueList<string> Namespaces)
{
    public static PreflightReads For(IEnumerable<IKubernetesObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var list = objects.ToList();
        var crds = list
            .Select(o => KindLifecycle.Of(o.Kind, o.ApiVersion).CrdName)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToValueList();
        var namespaces = list
            .Select(o => o.Metadata.Namespace)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToValueList();
        return new PreflightReads(crds, namespaces);
    }
}
