namespace EgressInfra.Core.Manifests.Modes.Ambient;

/// <summary>Labels Istio reads on the ambient path, and the names of the objects ambient mode adds.</summary>
public static class AmbientNames
{
    /// <summary>Binds a ServiceEntry (or namespace, Service, pod) to a waypoint by the waypoint's name.</summary>
    public const string UseWaypoint = "istio.io/use-waypoint";

    /// <summary>The waypoint's namespace, when it is not the object's own.</summary>
    public const string UseWaypointNamespace = "istio.io/use-waypoint-namespace";

    /// <summary>Which traffic a waypoint takes: service (Istio's default), workload, all or none.</summary>
    public const string WaypointFor = "istio.io/waypoint-for";

    /// <summary>The label Istio puts on a waypoint's pods, naming their Gateway: how a NetworkPolicy finds them.</summary>
    public const string GatewayNameLabel = "gateway.networking.k8s.io/gateway-name";

    /// <summary>The namespace label that enrols a namespace in ambient (checked by the preflight, never set here).</summary>
    public const string DataplaneMode = "istio.io/dataplane-mode";

    /// <summary>The L4 policy on the waypoint that refuses every source outside the governed namespaces.</summary>
    public static string SourcesPolicy(string waypoint) => waypoint.Length + "-sources".Length <= 63 ? $"{waypoint}-sources" : $"{waypoint[..(63 - "-sources".Length)].TrimEnd('-')}-sources";
}
