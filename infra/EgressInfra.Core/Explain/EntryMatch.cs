using EgressInfra.Core.Config;

namespace EgressInfra.Core.Explain;

/// <summary>The entry an explanation is about: the one that lets traffic through, or the one that nearly does.</summary>
/// <param name="Service">The service's name (also the ServiceEntry's name).</param>
/// <param name="ConfigPath">Where the service is declared: <c>egress.services[0]</c>.</param>
/// <param name="Resource">The ServiceEntry concerned: <c>ServiceEntry payments/stripe-api</c>.</param>
/// <param name="Declared">The host, wildcard or address range that matched.</param>
/// <param name="Port">The declared port that carries the traffic; null when the port is not declared.</param>
/// <param name="PortPath">Config path of <paramref name="Port"/>.</param>
/// <param name="Resolution">The service's resolution, which decides where the sidecar sends the traffic.</param>
/// <param name="Import">The Sidecar import that brings the entry into the asking namespace, if any.</param>
public sealed record EntryMatch(
    string Service,
    string ConfigPath,
    string Resource,
    HostMatchKind Kind,
    string Declared,
    ServicePortConfig? Port,
    string? PortPath,
    ServiceResolution Resolution,
    string? Import);
