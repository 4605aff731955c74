using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Config.Binding;

public static partial class StackConfigBinder
{
    public static readonly IReadOnlyList<string> AmbientKeys = ["namespace", "waypoint", "waypointNamespace", "installWaypoint"];

    /// <summary>
    /// Binds <c>egress.ambient</c>, and reports what ambient mode ignores in the rest of <c>egress</c>:
    /// an explicit <c>outboundTrafficPolicy</c> (ztunnel does not apply it), or an <c>ambient</c> block
    /// in another mode.
    /// </summary>
    private static AmbientConfig BindAmbient(NodeReader reader, MappingNode egress, EgressMode mode)
    {
        const string path = "egress.ambient";
        if (mode == EgressMode.Ambient && egress["outboundTrafficPolicy"] is not null)
        {
            reader.Report(AmbientCodes.OutboundPolicyWithoutEffect.Create(
                "egress.outboundTrafficPolicy",
                "outboundTrafficPolicy is set, but ambient pods have no Sidecar and ztunnel does not apply it"));
        }

        var node = egress["ambient"];
        if (node is not null && mode != EgressMode.Ambient)
        {
            reader.Report(EnforcementCodes.SettingWithoutEffect.Create(path, $"egress.ambient has no effect in mode {mode.Name()}"));
        }

        var map = reader.Mapping(node, path);
        if (map is null)
        {
            return AmbientConfig.Default;
        }

        reader.KnownKeys(map, path, AmbientKeys);
        var defaults = AmbientConfig.Default;
        var ns = Label(reader, map["namespace"], $"{path}.namespace", "namespace") ?? defaults.Namespace;
        var waypoint = Label(reader, map["waypoint"], $"{path}.waypoint", "Gateway name") ?? defaults.Waypoint;
        if (waypoint == "none")
        {
            reader.Report(AmbientCodes.WaypointNameReserved.Create($"{path}.waypoint", "'none' is reserved by Istio: istio.io/use-waypoint: none opts out of waypoints"));
            waypoint = defaults.Waypoint;
        }

        var waypointNs = Label(reader, map["waypointNamespace"], $"{path}.waypointNamespace", "namespace") ?? ns;
        var install = reader.Boolean(map["installWaypoint"], $"{path}.installWaypoint") ?? true;
        return new AmbientConfig(ns, waypoint, waypointNs, install);
    }

    /// <summary>
    /// In ambient mode the NetworkPolicy is on unless the stack turns it off: without it ztunnel passes
    /// every undeclared destination straight out, so the mode would protect nothing.
    /// </summary>
    private static NetworkPolicyConfig AmbientNetworkPolicy(MappingNode egress, EgressMode mode, NetworkPolicyConfig bound) =>
        mode == EgressMode.Ambient && !(egress["networkPolicy"] is MappingNode np && np["enabled"] is not null)
            ? bound with { Enabled = true }
            : bound;
}
