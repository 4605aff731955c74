using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Manifests;

/// <summary>
/// An Istio VirtualService: routing for <see cref="VirtualServiceSpec.Hosts"/>, bound to the mesh's
/// sidecars (<c>mesh</c>) and/or to Gateways. Gateway mode uses it for both hops of the egress path.
/// </summary>
public sealed record VirtualService(ObjectMetadata Metadata, VirtualServiceSpec Spec, string ApiVersion = ServiceEntry.V1) : IKubernetesObject
{
    public const string KindName = "VirtualService";

    /// <summary>The reserved gateway name meaning every sidecar in the mesh.</summary>
    public const string MeshGateway = "mesh";

    public string Kind => KindName;

    public IKubernetesObject WithMetadata(ObjectMetadata metadata) => this with { Metadata = metadata };
}

public sealed record VirtualServiceSpec(
    ValueList<string> Hosts,
    ValueList<string> Gateways,
    ValueList<HttpRoute> Http,
    ValueList<TlsRoute> Tls,
    ValueList<TcpRoute> Tcp,
    ValueList<string> ExportTo);

public sealed record HttpRoute(ValueList<HttpMatchRequest> Match, ValueList<RouteDestination> Route)
{
    public string? Name { get; init; }
}

public sealed record HttpMatchRequest(ValueList<string> Gateways, long? Port)
{
    public string? Name { get; init; }

    public ValueMap<string> SourceLabels { get; init; } = ValueMap<string>.Empty;

    public string? SourceNamespace { get; init; }
}

public sealed record TlsRoute(ValueList<TlsMatchAttributes> Match, ValueList<RouteDestination> Route);

/// <param name="SniHosts">Required by Istio for a TLS match: the SNI values it applies to.</param>
public sealed record TlsMatchAttributes(ValueList<string> SniHosts, ValueList<string> Gateways, long? Port)
{
    public ValueList<string> DestinationSubnets { get; init; } = ValueList<string>.Empty;

    public ValueMap<string> SourceLabels { get; init; } = ValueMap<string>.Empty;

    public string? SourceNamespace { get; init; }
}

public sealed record TcpRoute(ValueList<L4MatchAttributes> Match, ValueList<RouteDestination> Route);

public sealed record L4MatchAttributes(ValueList<string> Gateways, long? Port)
{
    public ValueList<string> DestinationSubnets { get; init; } = ValueList<string>.Empty;

    public ValueMap<string> SourceLabels { get; init; } = ValueMap<string>.Empty;

    public string? SourceNamespace { get; init; }
}

public sealed record RouteDestination(Destination Destination, long? Weight = null);

/// <param name="Host">A service in the registry (a ServiceEntry host or a Kubernetes Service's name).</param>
/// <param name="Subset">A subset defined by the host's DestinationRule.</param>
/// <param name="Port">The port of <paramref name="Host"/>; null lets Istio pick the only one.</param>
public sealed record Destination(string Host, string? Subset, long? Port);
