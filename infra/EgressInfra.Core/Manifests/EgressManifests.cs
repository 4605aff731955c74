using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Manifests;

/// <summary>Everything a stack deploys, in canonical order (namespace, kind, name).</summary>
public sealed record EgressManifests(ValueList<ServiceEntry> ServiceEntries, ValueList<Sidecar> Sidecars)
{
    public IEnumerable<IKubernetesObject> Objects =>
        ServiceEntries.Cast<IKubernetesObject>().Concat(Sidecars)
            .OrderBy(o => o.Metadata.Namespace, StringComparer.Ordinal)
            .ThenBy(o => o.Kind == ServiceEntry.KindName ? 0 : 1)
            .ThenBy(o => o.Metadata.Name, StringComparer.Ordinal);
}
