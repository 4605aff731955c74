using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Manifests;

/// <summary>
/// An Istio Gateway: which ports and hosts the selected gateway pods accept, and how TLS is handled
/// there. Optional fields are init properties so that a Gateway read from a file keeps what it says.
/// </summary>
public sealed record Gateway(ObjectMetadata Metadata, GatewaySpec Spec, string ApiVersion = ServiceEntry.V1) : IKubernetesObject
{
    public const string KindName = "Gateway";

    public string Kind => KindName;

    public IKubernetesObject WithMetadata(ObjectMetadata metadata) => this with { Metadata = metadata };
}

/// <param name="Selector">Labels of the gateway pods this configuration applies to.</param>
public sealed record GatewaySpec(ValueMap<string> Selector, ValueList<GatewayServer> Servers);

public sealed record GatewayServer(GatewayPort Port, ValueList<string> Hosts, ServerTlsSettings? Tls = null)
{
    public string? Bind { get; init; }

    public string? DefaultEndpoint { get; init; }

    public string? Name { get; init; }
}

/// <summary>A Gateway server's port; <see cref="Number"/> is the gateway Service's port.</summary>
public sealed record GatewayPort(long Number, string? Protocol, string? Name)
{
    /// <summary>Deprecated in Istio but still accepted, so kept for manifests read from files.</summary>
    public long? TargetPort { get; init; }
}

/// <param name="Mode"><c>PASSTHROUGH</c>, <c>SIMPLE</c>, <c>MUTUAL</c>, <c>AUTO_PASSTHROUGH</c>, <c>ISTIO_MUTUAL</c> or <c>OPTIONAL_MUTUAL</c>, as written.</param>
public sealed record ServerTlsSettings(string? Mode)
{
    public bool? HttpsRedirect { get; init; }

    public string? ServerCertificate { get; init; }

    public string? PrivateKey { get; init; }

    public string? CaCertificates { get; init; }

    public string? CredentialName { get; init; }

    public ValueList<string> SubjectAltNames { get; init; } = ValueList<string>.Empty;

    public string? MinProtocolVersion { get; init; }

    public string? MaxProtocolVersion { get; init; }

    public ValueList<string> CipherSuites { get; init; } = ValueList<string>.Empty;
}
