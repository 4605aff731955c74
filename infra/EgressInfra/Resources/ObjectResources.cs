using EgressInfra.Core.Manifests;
using EgressInfra.Resources.Istio;
using CustomResource = Pulumi.Kubernetes.ApiExtensions.CustomResource;
using CustomResourceArgs = Pulumi.Kubernetes.ApiExtensions.CustomResourceArgs;
using CustomResourceOptions = Pulumi.CustomResourceOptions;

namespace EgressInfra.Resources;

/// <summary>One Core object as one Pulumi resource, under a logical name made of namespace, kind and name.</summary>
internal static class ObjectResources
{
    public static string LogicalName(IKubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return $"{obj.Metadata.Namespace}-{obj.Kind.ToLowerInvariant()}-{obj.Metadata.Name}";
    }

    public static CustomResource Create(IKubernetesObject obj, CustomResourceOptions options) =>
        new(LogicalName(obj), Args(obj), options);

    private static CustomResourceArgs Args(IKubernetesObject obj) => obj switch
    {
        ServiceEntry entry => IstioArgsMapper.ToArgs(entry),
        Sidecar sidecar => IstioArgsMapper.ToArgs(sidecar),
        Gateway gateway => new GatewayArgs(gateway),
        VirtualService service => new VirtualServiceArgs(service),
        DestinationRule rule => new DestinationRuleArgs(rule),
        AuthorizationPolicy policy => new AuthorizationPolicyArgs(policy),
        NetworkPolicy policy => new NetworkPolicyArgs(policy),
        WaypointGateway waypoint => new WaypointGatewayArgs(waypoint),
        _ => throw new ArgumentException($"no Pulumi mapping for {obj.Kind}", nameof(obj)),
    };
}
