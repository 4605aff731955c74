using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Config;

/// <summary>
/// One external destination a stack allows: the unit a team asks for, owns and justifies. It becomes
/// one ServiceEntry in each namespace that uses it.
/// </summary>
/// <param name="Name">Stable name; becomes the ServiceEntry's metadata.name.</param>
/// <param name="Namespaces">The governed namespaces allowed to use the service.</param>
/// <param name="SourcePath">Config path the service came from (<c>egress.services[2]</c> or <c>egress.presets[0]</c>).</param>
/// <param name="Preset">The preset that produced this service, if any.</param>
public sealed record ExternalService(
    string Name,
    ValueList<string> Hosts,
    ValueList<string> Addresses,
    ValueList<ServicePortConfig> Ports,
    ServiceResolution Resolution,
    ServiceLocation Location,
    ValueList<string> ExportTo,
    ValueList<string> Namespaces,
    ValueList<EndpointConfig> Endpoints,
    ValueList<string> SubjectAltNames,
    string? Owner,
    string? Reason,
    string SourcePath,
    string? Preset = null)
{
    /// <summary>
    /// In gateway mode, reach this service directly instead of through the egress gateway
    /// (<c>bypassGateway</c>); the NetworkPolicy then allows its exact addresses and ports.
    /// </summary>
    public bool BypassGateway { get; init; }
}
