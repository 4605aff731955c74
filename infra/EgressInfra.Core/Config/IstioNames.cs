using System.Collections.Frozen;

namespace EgressInfra.Core.Config;

/// <summary>
/// The spellings Istio uses for the typed enums, both ways. Parsing is case-insensitive, as Istio's
/// protocol parser is; rendering always uses Istio's canonical spelling so that manifests are stable.
/// </summary>
public static class IstioNames
{
    private static readonly (ServiceProtocol Value, string Name)[] ProtocolNames =
    [
        (ServiceProtocol.Http, "HTTP"), (ServiceProtocol.Https, "HTTPS"), (ServiceProtocol.Http2, "HTTP2"),
        (ServiceProtocol.Grpc, "GRPC"), (ServiceProtocol.GrpcWeb, "GRPC-Web"), (ServiceProtocol.HttpProxy, "HTTP_PROXY"),
        (ServiceProtocol.Tls, "TLS"), (ServiceProtocol.Tcp, "TCP"), (ServiceProtocol.Udp, "UDP"),
        (ServiceProtocol.Mongo, "Mongo"), (ServiceProtocol.Redis, "Redis"), (ServiceProtocol.MySql, "MySQL"),
    ];

    public static readonly FrozenDictionary<string, ServiceProtocol> Protocols =
        ProtocolNames.ToFrozenDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenDictionary<string, ServiceResolution> Resolutions = new Dictionary<string, ServiceResolution>
    {
        ["NONE"] = ServiceResolution.None,
        ["STATIC"] = ServiceResolution.Static,
        ["DNS"] = ServiceResolution.Dns,
        ["DNS_ROUND_ROBIN"] = ServiceResolution.DnsRoundRobin,
        ["DYNAMIC_DNS"] = ServiceResolution.DynamicDns,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, ServiceLocation> Locations = new Dictionary<string, ServiceLocation>
    {
        ["MESH_EXTERNAL"] = ServiceLocation.MeshExternal,
        ["MESH_INTERNAL"] = ServiceLocation.MeshInternal,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, OutboundTrafficPolicy> OutboundPolicies = new Dictionary<string, OutboundTrafficPolicy>
    {
        ["REGISTRY_ONLY"] = OutboundTrafficPolicy.RegistryOnly,
        ["ALLOW_ANY"] = OutboundTrafficPolicy.AllowAny,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, DeploymentEnvironment> Environments = new Dictionary<string, DeploymentEnvironment>
    {
        ["dev"] = DeploymentEnvironment.Dev,
        ["staging"] = DeploymentEnvironment.Staging,
        ["prod"] = DeploymentEnvironment.Prod,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string Name(this ServiceProtocol protocol) => ProtocolNames[(int)protocol].Name;

    public static string Name(this ServiceResolution resolution) => resolution switch
    {
        ServiceResolution.None => "NONE",
        ServiceResolution.Static => "STATIC",
        ServiceResolution.Dns => "DNS",
        ServiceResolution.DnsRoundRobin => "DNS_ROUND_ROBIN",
        _ => "DYNAMIC_DNS",
    };

    public static string Name(this ServiceLocation location) =>
        location == ServiceLocation.MeshInternal ? "MESH_INTERNAL" : "MESH_EXTERNAL";

    public static string Name(this OutboundTrafficPolicy policy) =>
        policy == OutboundTrafficPolicy.AllowAny ? "ALLOW_ANY" : "REGISTRY_ONLY";

    public static string Name(this DeploymentEnvironment environment) => environment switch
    {
        DeploymentEnvironment.Dev => "dev",
        DeploymentEnvironment.Staging => "staging",
        _ => "prod",
    };

    /// <summary>The default port name: protocol and number, e.g. <c>https-443</c> (a valid DNS-1123 label).</summary>
    public static string DefaultPortName(ServiceProtocol protocol, int number) =>
        $"{protocol.Name().ToLowerInvariant().Replace('_', '-')}-{number}";
}
