using EgressInfra.Core.Config;

namespace EgressInfra.Core.Manifests.Modes.Gateway;

/// <summary>One host of a service routed through the egress gateway: the unit that gets its own Gateway, VirtualService and subset.</summary>
/// <param name="Name">Object and subset name (<see cref="ModeNames.Destination"/>).</param>
public sealed record GatewayDestination(ExternalService Service, string Host, string Name)
{
    /// <summary>The routed destinations of a stack, config order: every host of every service that does not bypass the gateway and is granted somewhere.</summary>
    public static IReadOnlyList<GatewayDestination> Of(EgressConfig egress)
    {
        ArgumentNullException.ThrowIfNull(egress);
        var result = new List<GatewayDestination>();
        foreach (var service in egress.Services.Where(s => !s.BypassGateway && s.Namespaces.Count > 0))
        {
            for (var i = 0; i < service.Hosts.Count; i++)
            {
                result.Add(new GatewayDestination(service, service.Hosts[i], ModeNames.Destination(service, i)));
            }
        }

        return result;
    }
}
