using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Manifests;

public static partial class ManifestTree
{
    public static MappingNode Spec(NetworkPolicySpec spec) => Map(
        ("podSelector", Selector(spec.PodSelector)),
        ("policyTypes", Strings(spec.PolicyTypes)),
        ("ingress", List(spec.Ingress.Select(r => Map(
            ("from", List(r.From.Select(Peer))),
            ("ports", List(r.Ports.Select(NetworkPort))))))),
        ("egress", List(spec.Egress.Select(r => Map(
            ("to", List(r.To.Select(Peer))),
            ("ports", List(r.Ports.Select(NetworkPort))))))));

    /// <summary>Always a mapping, <c>{}</c> when empty: an empty selector means "all", unlike a missing one.</summary>
    public static MappingNode Selector(LabelSelector selector) => Map(
        ("matchLabels", StringMap(selector.MatchLabels)),
        ("matchExpressions", List(selector.MatchExpressions.Select(e => Map(
            ("key", Str(e.Key)),
            ("operator", Str(e.Operator)),
            ("values", Strings(e.Values)))))));

    private static MappingNode Peer(NetworkPolicyPeer peer) => Map(
        ("ipBlock", peer.IpBlock is null ? null : Map(
            ("cidr", Str(peer.IpBlock.Cidr)),
            ("except", Strings(peer.IpBlock.Except)))),
        ("namespaceSelector", peer.NamespaceSelector is null ? null : Selector(peer.NamespaceSelector)),
        ("podSelector", peer.PodSelector is null ? null : Selector(peer.PodSelector)));

    private static MappingNode NetworkPort(NetworkPolicyPort port) => Map(
        ("protocol", OptStr(port.Protocol)),
        ("port", port.Port is { } n ? Int(n) : OptStr(port.PortName)),
        ("endPort", OptInt(port.EndPort)));
}
