using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Manifests;

/// <summary>
/// A Kubernetes Gateway API Gateway (<c>gateway.networking.k8s.io/v1</c>) of class <c>istio-waypoint</c>:
/// Istio deploys a waypoint proxy for it. Same kind name as Istio's Gateway, another API group; the
/// two never meet in one switch because they are different records.
/// </summary>
public sealed record WaypointGateway(ObjectMetadata Metadata, WaypointGatewaySpec Spec, string ApiVersion = WaypointGateway.V1) : IKubernetesObject
{
    public const string V1 = "gateway.networking.k8s.io/v1";
    public const string KindName = "Gateway";
    public const string Group = "gateway.networking.k8s.io";

    /// <summary>The class Istio's mesh controller turns into a waypoint deployment.</summary>
    public const string WaypointClass = "istio-waypoint";

    /// <summary>The listener istioctl writes for every waypoint: HBONE, the tunnel ztunnel speaks.</summary>
    public const int HbonePort = 15008;

    public string Kind => KindName;

    public IKubernetesObject WithMetadata(ObjectMetadata metadata) => this with { Metadata = metadata };
}

public sealed record WaypointGatewaySpec(string GatewayClassName, ValueList<GatewayListener> Listeners);

/// <param name="AllowedFrom"><c>Same</c>, <c>All</c> or <c>Selector</c> (routes from namespaces matching <paramref name="AllowedSelector"/>); null leaves Gateway API's default, Same.</param>
public sealed record GatewayListener(string Name, long Port, string Protocol, string? AllowedFrom = null, LabelSelector? AllowedSelector = null);
