using EgressInfra.Core.Collections;
using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Posture;

namespace EgressInfra.Core.Manifests.Modes.Ambient;

/// <summary>
/// Ambient mode: no Sidecar at all (ambient pods have none, and ztunnel ignores REGISTRY_ONLY). Each
/// service becomes one ServiceEntry in the egress namespace, bound to the waypoint
/// (<c>istio.io/use-waypoint</c>), so ztunnel sends its traffic over HBONE to the waypoint; an
/// AuthorizationPolicy attached to the entry lets only the granted namespaces through; TLS origination
/// happens at the waypoint. The waypoint's Gateway is rendered unless it is installed elsewhere, with
/// a DENY policy for every caller outside the governed namespaces. Each governed namespace gets a
/// NetworkPolicy that lets its pods reach DNS, istiod, the mesh they import and the waypoint on HBONE:
/// what ztunnel would send straight out (an undeclared host, or any host while the waypoint is down)
/// is dropped there.
/// </summary>
public sealed class AmbientModeBuilder : IModeBuilder
{
    public EgressMode Mode => EgressMode.Ambient;

    public IEnumerable<Diagnostic> Check(EgressConfig egress) => AmbientChecks.Check(egress);

    public IEnumerable<IKubernetesObject> Build(EgressConfig egress, IReadOnlyList<BuiltServiceEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(egress);
        var ambient = egress.Ambient;
        foreach (var service in Granted(egress))
        {
            yield return ServiceEntry(ambient, service);
            yield return AmbientAuthorization.ForService(ambient, service);
            foreach (var rule in TlsOrigination.Build(service, ambient.Namespace, ValueList.Of(".")))
            {
                yield return rule;
            }
        }

        if (ambient.InstallWaypoint)
        {
            yield return Waypoint(ambient);
        }

        yield return AmbientAuthorization.Sources(ambient, egress);
        if (egress.NetworkPolicy.Enabled)
        {
            foreach (var ns in egress.Namespaces)
            {
                yield return EgressNetworkPolicy.Build(egress, ns, [ToWaypoint(ambient)]);
            }
        }
    }

    public IReadOnlyList<NamespacePosture> Postures(EgressConfig egress)
    {
        ArgumentNullException.ThrowIfNull(egress);
        var missing = egress.NetworkPolicy.Enabled
            ? ValueList<string>.Empty
            : ValueList.Of("a NetworkPolicy (networkPolicy.enabled): without it ztunnel sends undeclared destinations straight out, and every destination while the waypoint is unavailable");
        var posture = egress.NetworkPolicy.Enabled ? EgressPosture.Enforced : EgressPosture.Observed;
        return [.. egress.Namespaces.Distinct().Order(StringComparer.Ordinal).Select(ns => new NamespacePosture(ns, posture, missing))];
    }

    /// <summary>The services some governed namespace may use: one entry each, whoever the callers are.</summary>
    public static IEnumerable<ExternalService> Granted(EgressConfig egress)
    {
        ArgumentNullException.ThrowIfNull(egress);
        return egress.Services.Where(s => s.Namespaces.Count > 0);
    }

    /// <summary>
    /// The service's entry in the egress namespace, bound to the waypoint. exportTo stays "." whatever the
    /// config says: ztunnel and waypoints ignore it, and it keeps sidecar-mode pods elsewhere in the mesh
    /// from using the entry without the waypoint.
    /// </summary>
    public static ServiceEntry ServiceEntry(AmbientConfig ambient, ExternalService service)
    {
        ArgumentNullException.ThrowIfNull(ambient);
        var entry = ManifestBuilder.BuildServiceEntry(service, ambient.Namespace);
        var labels = entry.Metadata.Labels.Concat([new(AmbientNames.UseWaypoint, ambient.Waypoint)]);
        if (ambient.IsCrossNamespace)
        {
            labels = labels.Append(new(AmbientNames.UseWaypointNamespace, ambient.WaypointNamespace));
        }

        var bound = entry with
        {
            Metadata = entry.Metadata with { Labels = labels.ToValueMap() },
            Spec = entry.Spec with { ExportTo = ValueList.Of(".") },
        };
        return ManifestBuilder.Canonical(bound);
    }

    /// <summary>The waypoint as istioctl writes it: one HBONE listener on 15008, for service traffic.</summary>
    public static WaypointGateway Waypoint(AmbientConfig ambient)
    {
        ArgumentNullException.ThrowIfNull(ambient);
        var listener = ambient.IsCrossNamespace
            ? new GatewayListener("mesh", WaypointGateway.HbonePort, "HBONE", "Selector", EgressNetworkPolicy.NamespaceNamed(ambient.Namespace))
            : new GatewayListener("mesh", WaypointGateway.HbonePort, "HBONE");
        var metadata = new ObjectMetadata(
            ambient.Waypoint,
            ambient.WaypointNamespace,
            ValueMap.Of((ManagedLabels.ManagedBy, ManagedLabels.ManagedByValue), (AmbientNames.WaypointFor, "service")),
            ValueMap<string>.Empty);
        return new WaypointGateway(metadata, new WaypointGatewaySpec(WaypointGateway.WaypointClass, ValueList.Of(listener)));
    }

    /// <summary>The waypoint's pods on HBONE: the one way out of a governed namespace besides DNS, istiod and the imported mesh.</summary>
    public static NetworkPolicyEgressRule ToWaypoint(AmbientConfig ambient)
    {
        ArgumentNullException.ThrowIfNull(ambient);
        var pods = EgressNetworkPolicy.PodsIn(new PeerSelector(ambient.WaypointNamespace, ValueMap.Of((AmbientNames.GatewayNameLabel, ambient.Waypoint))));
        return new NetworkPolicyEgressRule(ValueList.Of(pods), ValueList.Of(new NetworkPolicyPort("TCP", WaypointGateway.HbonePort)));
    }
}
