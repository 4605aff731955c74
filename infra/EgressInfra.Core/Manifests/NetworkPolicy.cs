using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Manifests;

/// <summary>
/// A Kubernetes NetworkPolicy (<c>networking.k8s.io/v1</c>): L3/L4 rules the cluster's CNI enforces
/// on the selected pods, whatever their sidecar does. Host names cannot be expressed, only pods,
/// namespaces, CIDRs and ports.
/// </summary>
public sealed record NetworkPolicy(ObjectMetadata Metadata, NetworkPolicySpec Spec, string ApiVersion = NetworkPolicy.V1) : IKubernetesObject
{
    public const string V1 = "networking.k8s.io/v1";
    public const string KindName = "NetworkPolicy";

    public string Kind => KindName;

    public IKubernetesObject WithMetadata(ObjectMetadata metadata) => this with { Metadata = metadata };
}

/// <param name="PodSelector">Required; empty selects every pod of the namespace.</param>
/// <param name="PolicyTypes"><c>Egress</c> and/or <c>Ingress</c>: the directions in which everything not allowed is dropped.</param>
public sealed record NetworkPolicySpec(
    LabelSelector PodSelector,
    ValueList<string> PolicyTypes,
    ValueList<NetworkPolicyEgressRule> Egress,
    ValueList<NetworkPolicyIngressRule> Ingress);

/// <summary>Traffic to any of <see cref="To"/> (every destination when empty) on any of <see cref="Ports"/> (every port when empty).</summary>
public sealed record NetworkPolicyEgressRule(ValueList<NetworkPolicyPeer> To, ValueList<NetworkPolicyPort> Ports);

public sealed record NetworkPolicyIngressRule(ValueList<NetworkPolicyPeer> From, ValueList<NetworkPolicyPort> Ports);

/// <summary>Pods (namespace and/or pod selector) or a CIDR block; Kubernetes allows only one of ipBlock and the selectors.</summary>
public sealed record NetworkPolicyPeer(LabelSelector? PodSelector, LabelSelector? NamespaceSelector, IpBlock? IpBlock);

public sealed record IpBlock(string Cidr, ValueList<string> Except);

/// <param name="Protocol"><c>TCP</c>, <c>UDP</c> or <c>SCTP</c>; Kubernetes defaults to TCP.</param>
/// <param name="Port">A port number; null with <paramref name="PortName"/> null means every port.</param>
/// <param name="PortName">A named container port, the other form of <c>port</c>.</param>
/// <param name="EndPort">The end of a port range starting at <paramref name="Port"/>.</param>
public sealed record NetworkPolicyPort(string? Protocol, long? Port, string? PortName = null, long? EndPort = null);
