using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Manifests;

public static partial class ManifestTree
{
    public static MappingNode Spec(WaypointGatewaySpec spec) => Map(
        ("gatewayClassName", Str(spec.GatewayClassName)),
        ("listeners", List(spec.Listeners.Select(Listener))));

    private static MappingNode Listener(GatewayListener l) => Map(
        ("name", Str(l.Name)),
        ("port", Int(l.Port)),
        ("protocol", Str(l.Protocol)),
        ("allowedRoutes", l.AllowedFrom is null ? null : Map(("namespaces", Map(
            ("from", Str(l.AllowedFrom)),
            ("selector", l.AllowedSelector is null ? null : Map(("matchLabels", StringMap(l.AllowedSelector.MatchLabels)))))))));
}
