using System.Collections.Immutable;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Sources;
using Pulumi;
using CustomResourceArgs = Pulumi.Kubernetes.ApiExtensions.CustomResourceArgs;

namespace EgressInfra.Resources.Istio;

/// <summary>
/// A custom resource whose <c>spec</c> is the Core's own tree (<see cref="ManifestTree"/>) as plain
/// maps: the kinds gateway mode adds have deep, mostly optional specs, and building them from the
/// tree the YAML writer uses keeps what Pulumi registers equal to what <c>render</c> prints.
/// </summary>
internal abstract class SpecTreeArgs : CustomResourceArgs
{
    protected SpecTreeArgs(IKubernetesObject obj)
        : base((obj ?? throw new ArgumentNullException(nameof(obj))).ApiVersion, obj.Kind)
    {
        Metadata = IstioArgsMapper.ToArgs(obj.Metadata);
        Spec = PlainTree.From((MappingNode)ManifestTree.ToTree(obj)["spec"]!);
    }

    /// <summary>The rendered <c>spec</c> as plain maps and lists (<see cref="PlainTree"/>).</summary>
    [Input("spec")]
    public ImmutableDictionary<string, object>? Spec { get; init; }
}

/// <summary>An Istio Gateway (<c>kubernetes:networking.istio.io/v1:Gateway</c>).</summary>
internal sealed class GatewayArgs(Gateway gateway) : SpecTreeArgs(gateway);

/// <summary>An Istio VirtualService (<c>kubernetes:networking.istio.io/v1:VirtualService</c>).</summary>
internal sealed class VirtualServiceArgs(VirtualService service) : SpecTreeArgs(service);

/// <summary>An Istio DestinationRule (<c>kubernetes:networking.istio.io/v1:DestinationRule</c>).</summary>
internal sealed class DestinationRuleArgs(DestinationRule rule) : SpecTreeArgs(rule);

/// <summary>An Istio AuthorizationPolicy (<c>kubernetes:security.istio.io/v1:AuthorizationPolicy</c>).</summary>
internal sealed class AuthorizationPolicyArgs(AuthorizationPolicy policy) : SpecTreeArgs(policy);

/// <summary>A waypoint: a Gateway API Gateway of class istio-waypoint (<c>kubernetes:gateway.networking.k8s.io/v1:Gateway</c>).</summary>
internal sealed class WaypointGatewayArgs(WaypointGateway gateway) : SpecTreeArgs(gateway);

/// <summary>A Kubernetes NetworkPolicy (<c>kubernetes:networking.k8s.io/v1:NetworkPolicy</c>), registered like the others so the same tree is sent.</summary>
internal sealed class NetworkPolicyArgs(NetworkPolicy policy) : SpecTreeArgs(policy);
