using System.Collections.Immutable;
using System.Globalization;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Sources;
using Pulumi;
using CustomResourceArgs = Pulumi.Kubernetes.ApiExtensions.CustomResourceArgs;

namespace EgressInfra.Resources.Istio;

/// <summary>
/// A custom resource whose <c>spec</c> is the Core's own tree (<see cref="ManifestTree"/>), converted
/// value for value: the kinds gateway mode adds have deep, mostly optional specs, and building them
/// from the tree the YAML writer uses keeps what Pulumi registers equal to what <c>render</c> prints.
/// </summary>
internal abstract class SpecTreeArgs : CustomResourceArgs
{
    protected SpecTreeArgs(IKubernetesObject obj)
        : base((obj ?? throw new ArgumentNullException(nameof(obj))).ApiVersion, obj.Kind)
    {
        Metadata = IstioArgsMapper.ToArgs(obj.Metadata);
        Spec = (ImmutableDictionary<string, object>)Convert(ManifestTree.ToTree(obj)["spec"]!);
    }

    [Input("spec")]
    public Input<ImmutableDictionary<string, object>>? Spec { get; set; }

    /// <summary>Mappings to dictionaries, sequences to arrays, scalars to the type they were written as.</summary>
    private static object Convert(ConfigNode node) => node switch
    {
        MappingNode map => map.Entries.ToImmutableDictionary(e => e.Key.Text, e => Convert(e.Value), StringComparer.Ordinal),
        SequenceNode seq => seq.Items.Select(Convert).ToImmutableArray(),
        ScalarNode { Kind: ScalarKind.Integer } s => int.Parse(s.Text, NumberStyles.Integer, CultureInfo.InvariantCulture),
        ScalarNode { Kind: ScalarKind.Boolean } s => s.Text == "true",
        ScalarNode s => s.Text,
        _ => throw new ArgumentException($"unexpected node {node.GetType().Name}", nameof(node)),
    };
}

/// <summary>An Istio Gateway (<c>kubernetes:networking.istio.io/v1:Gateway</c>).</summary>
internal sealed class GatewayArgs(Gateway gateway) : SpecTreeArgs(gateway);

/// <summary>An Istio VirtualService (<c>kubernetes:networking.istio.io/v1:VirtualService</c>).</summary>
internal sealed class VirtualServiceArgs(VirtualService service) : SpecTreeArgs(service);

/// <summary>An Istio DestinationRule (<c>kubernetes:networking.istio.io/v1:DestinationRule</c>).</summary>
internal sealed class DestinationRuleArgs(DestinationRule rule) : SpecTreeArgs(rule);

/// <summary>An Istio AuthorizationPolicy (<c>kubernetes:security.istio.io/v1:AuthorizationPolicy</c>).</summary>
internal sealed class AuthorizationPolicyArgs(AuthorizationPolicy policy) : SpecTreeArgs(policy);

/// <summary>A Kubernetes NetworkPolicy (<c>kubernetes:networking.k8s.io/v1:NetworkPolicy</c>), registered like the others so the same tree is sent.</summary>
internal sealed class NetworkPolicyArgs(NetworkPolicy policy) : SpecTreeArgs(policy);
