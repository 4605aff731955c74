using EgressInfra.Core.Collections;
using EgressInfra.Core.Manifests;

namespace EgressInfra.Core.Delivery;

/// <summary>
/// What the preflight must read for a plan: the CRDs of the kinds it registers, its namespaces, and the
/// Sidecars already in each namespace where it registers one.
/// </summary>
/// <param name="SidecarNamespaces">Namespaces where the plan registers a Sidecar, whose Sidecars are listed.</param>
/// <param name="SidecarApiVersion">The API version the plan's Sidecars use, to list in; null without Sidecars.</param>
public sealed record PreflightReads(ValueList<string> Crds, ValueList<string> Namespaces, ValueList<string> SidecarNamespaces, string? SidecarApiVersion)
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
        var sidecars = list.Where(o => o.Kind == Sidecar.KindName).ToList();
        return new PreflightReads(crds, NamespacesOf(list), NamespacesOf(sidecars), sidecars.FirstOrDefault()?.ApiVersion);
    }

    private static ValueList<string> NamespacesOf(IEnumerable<IKubernetesObject> objects) =>
        objects
            .Select(o => o.Metadata.Namespace)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToValueList();
}
