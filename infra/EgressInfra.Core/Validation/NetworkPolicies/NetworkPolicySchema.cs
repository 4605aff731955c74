using EgressInfra.Core.Manifests.Reading;

namespace EgressInfra.Core.Validation.NetworkPolicies;

/// <summary>networking.k8s.io/v1 NetworkPolicy as the API server decodes it (a built-in type: unknown fields are rejected).</summary>
public static class NetworkPolicySchema
{
    public static ObjectShape LabelSelector { get; } = new(
    [
        new("matchLabels", MapShape.Strings),
        new("matchExpressions", new ListShape(new ObjectShape(
        [
            new("key", StringShape.Any, Required: true),
            new("operator", StringShape.Any, Required: true),
            new("values", ListShape.Strings),
        ]))),
    ]);

    private static readonly ObjectShape Peer = new(
    [
        new("podSelector", LabelSelector),
        new("namespaceSelector", LabelSelector),
        new("ipBlock", new ObjectShape([new("cidr", StringShape.Any, Required: true), new("except", ListShape.Strings)])),
    ]);

    // port is an int-or-string: the rules check its type.
    private static readonly ObjectShape Port = new(
    [
        new("protocol", StringShape.Any),
        new("port", AnyShape.Instance),
        new("endPort", IntegerShape.Int32),
    ]);

    public static ObjectShape Spec { get; } = new(
    [
        new("podSelector", LabelSelector),
        new("ingress", new ListShape(new ObjectShape([new("from", new ListShape(Peer)), new("ports", new ListShape(Port))]))),
        new("egress", new ListShape(new ObjectShape([new("to", new ListShape(Peer)), new("ports", new ListShape(Port))]))),
        new("policyTypes", ListShape.Strings),
    ]);

    public static ObjectShape Document { get; } = new(
    [
        new("apiVersion", StringShape.Any),
        new("kind", StringShape.Any),
        new("metadata", ObjectMetaSchema.Shape),
        new("spec", Spec),
        new("status", AnyShape.Instance),
    ]);
}
