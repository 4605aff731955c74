using EgressInfra.Core.Manifests.Reading;

namespace EgressInfra.Core.Validation.AuthorizationPolicies;

/// <summary>The AuthorizationPolicy CRD's structural schema (security.istio.io v1, v1beta1).</summary>
public static class AuthorizationPolicySchema
{
    public static IReadOnlyList<string> Actions { get; } = ["ALLOW", "DENY", "AUDIT", "CUSTOM"];

    private static readonly ObjectShape TargetRef = new(
    [
        new("group", new StringShape(MaxLength: 253)),
        new("kind", new StringShape(MaxLength: 63), Required: true),
        new("name", new StringShape(MaxLength: 253), Required: true),
        new("namespace", StringShape.Any),
    ], Open: true);

    private static readonly ObjectShape Source = new(
    [
        new("ipBlocks", ListShape.Strings), new("namespaces", ListShape.Strings), new("notIpBlocks", ListShape.Strings),
        new("notNamespaces", ListShape.Strings), new("notPrincipals", ListShape.Strings), new("notRemoteIpBlocks", ListShape.Strings),
        new("notRequestPrincipals", ListShape.Strings), new("notServiceAccounts", new ListShape(StringShape.Any, MaxItems: 16)),
        new("notTrustDomains", ListShape.Strings), new("principals", ListShape.Strings), new("remoteIpBlocks", ListShape.Strings),
        new("requestPrincipals", ListShape.Strings), new("serviceAccounts", new ListShape(StringShape.Any, MaxItems: 16)),
        new("trustDomains", ListShape.Strings),
    ], Open: true);

    private static readonly ObjectShape Operation = new(
    [
        new("hosts", ListShape.Strings), new("methods", ListShape.Strings), new("notHosts", ListShape.Strings),
        new("notMethods", ListShape.Strings), new("notPaths", ListShape.Strings), new("notPorts", ListShape.Strings),
        new("paths", ListShape.Strings), new("ports", ListShape.Strings),
    ], Open: true);

    private static readonly ObjectShape Rule = new(
    [
        new("from", new ListShape(new ObjectShape([new("source", Source)], Open: true), MaxItems: 512)),
        new("to", new ListShape(new ObjectShape([new("operation", Operation)], Open: true))),
        new("when", new ListShape(new ObjectShape(
        [
            new("key", StringShape.Any, Required: true), new("notValues", ListShape.Strings), new("values", ListShape.Strings),
        ], Open: true))),
    ], Open: true);

    public static ObjectShape Spec { get; } = new(
    [
        new("action", new StringShape(Enum: Actions)),
        new("provider", new ObjectShape([new("name", StringShape.Any)], Open: true)),
        new("rules", new ListShape(Rule, MaxItems: 512)),
        new("selector", new ObjectShape([new("matchLabels", MapShape.Strings)], Open: true)),
        new("targetRef", TargetRef),
        new("targetRefs", new ListShape(TargetRef, MaxItems: 16)),
    ]);

    public static ObjectShape Document { get; } = ResourceEnvelope.For(Spec, specRequired: false);
}
