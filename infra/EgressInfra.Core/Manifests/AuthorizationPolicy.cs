using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Manifests;

/// <summary>
/// An Istio AuthorizationPolicy (<c>security.istio.io/v1</c>). Attached to workloads by
/// <see cref="AuthorizationPolicySpec.Selector"/> (the egress gateway's pods) or to resources by
/// <see cref="AuthorizationPolicySpec.TargetRefs"/> (ambient: a ServiceEntry or waypoint).
/// </summary>
public sealed record AuthorizationPolicy(ObjectMetadata Metadata, AuthorizationPolicySpec Spec, string ApiVersion = AuthorizationPolicy.V1) : IKubernetesObject
{
    public const string V1 = "security.istio.io/v1";
    public const string KindName = "AuthorizationPolicy";

    public string Kind => KindName;

    public IKubernetesObject WithMetadata(ObjectMetadata metadata) => this with { Metadata = metadata };
}

/// <param name="Action"><c>ALLOW</c>, <c>DENY</c>, <c>AUDIT</c> or <c>CUSTOM</c>, as written; null means ALLOW.</param>
public sealed record AuthorizationPolicySpec(PolicySelector? Selector, string? Action, ValueList<AuthorizationRule> Rules)
{
    public ValueList<PolicyTargetReference> TargetRefs { get; init; } = ValueList<PolicyTargetReference>.Empty;
}

/// <summary>A workload selector of the security API (<c>matchLabels</c>).</summary>
public sealed record PolicySelector(ValueMap<string> MatchLabels);

public sealed record PolicyTargetReference(string Group, string Kind, string Name)
{
    public string? Namespace { get; init; }
}

/// <summary>One rule: it matches when one <c>from</c>, one <c>to</c> and every <c>when</c> match.</summary>
public sealed record AuthorizationRule(ValueList<RuleSource> From, ValueList<RuleOperation> To, ValueList<RuleCondition> When);

public sealed record RuleSource(ValueList<string> Namespaces)
{
    public ValueList<string> NotNamespaces { get; init; } = ValueList<string>.Empty;

    public ValueList<string> Principals { get; init; } = ValueList<string>.Empty;

    public ValueList<string> NotPrincipals { get; init; } = ValueList<string>.Empty;

    public ValueList<string> RequestPrincipals { get; init; } = ValueList<string>.Empty;

    public ValueList<string> NotRequestPrincipals { get; init; } = ValueList<string>.Empty;

    public ValueList<string> IpBlocks { get; init; } = ValueList<string>.Empty;

    public ValueList<string> NotIpBlocks { get; init; } = ValueList<string>.Empty;

    public ValueList<string> RemoteIpBlocks { get; init; } = ValueList<string>.Empty;

    public ValueList<string> NotRemoteIpBlocks { get; init; } = ValueList<string>.Empty;
}

public sealed record RuleOperation(ValueList<string> Hosts)
{
    public ValueList<string> NotHosts { get; init; } = ValueList<string>.Empty;

    public ValueList<string> Ports { get; init; } = ValueList<string>.Empty;

    public ValueList<string> NotPorts { get; init; } = ValueList<string>.Empty;

    public ValueList<string> Methods { get; init; } = ValueList<string>.Empty;

    public ValueList<string> NotMethods { get; init; } = ValueList<string>.Empty;

    public ValueList<string> Paths { get; init; } = ValueList<string>.Empty;

    public ValueList<string> NotPaths { get; init; } = ValueList<string>.Empty;
}

/// <param name="Key">An attribute such as <c>connection.sni</c> or <c>source.namespace</c>.</param>
public sealed record RuleCondition(string Key, ValueList<string> Values)
{
    public ValueList<string> NotValues { get; init; } = ValueList<string>.Empty;
}
