using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Config;

/// <summary>An explicit backend of an external service (ServiceEntry <c>endpoints</c>).</summary>
public sealed record EndpointConfig(
    string Address,
    ValueMap<int> Ports,
    ValueMap<string> Labels,
    string? Network = null,
    string? Locality = null,
    int? Weight = null);
