using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Manifests;

/// <summary>
/// An Istio DestinationRule: how a client's proxy connects to <see cref="DestinationRuleSpec.Host"/>
/// (here: TLS towards the egress gateway and towards external hosts) and the host's named subsets.
/// </summary>
public sealed record DestinationRule(ObjectMetadata Metadata, DestinationRuleSpec Spec, string ApiVersion = ServiceEntry.V1) : IKubernetesObject
{
    public const string KindName = "DestinationRule";

    public string Kind => KindName;

    public IKubernetesObject WithMetadata(ObjectMetadata metadata) => this with { Metadata = metadata };
}

public sealed record DestinationRuleSpec(string Host, TrafficPolicy? TrafficPolicy, ValueList<Subset> Subsets, ValueList<string> ExportTo)
{
    public WorkloadSelector? WorkloadSelector { get; init; }
}

public sealed record Subset(string Name, ValueMap<string> Labels, TrafficPolicy? TrafficPolicy);

public sealed record TrafficPolicy(ClientTlsSettings? Tls, ValueList<PortTrafficPolicy> PortLevelSettings);

/// <param name="Port">The port of the host these settings apply to.</param>
public sealed record PortTrafficPolicy(long Port, ClientTlsSettings? Tls);

/// <param name="Mode"><c>DISABLE</c>, <c>SIMPLE</c>, <c>MUTUAL</c> or <c>ISTIO_MUTUAL</c>, as written.</param>
public sealed record ClientTlsSettings(string? Mode)
{
    /// <summary>The SNI sent in the handshake: the external host, or the destination's name on the hop to the gateway.</summary>
    public string? Sni { get; init; }

    public string? CredentialName { get; init; }

    public string? ClientCertificate { get; init; }

    public string? PrivateKey { get; init; }

    public string? CaCertificates { get; init; }

    public ValueList<string> SubjectAltNames { get; init; } = ValueList<string>.Empty;

    public bool? InsecureSkipVerify { get; init; }
}
