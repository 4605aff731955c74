using EgressInfra.Core.Collections;
using EgressInfra.Core.Config;

namespace EgressInfra.Core.Manifests.Modes.Gateway;

/// <summary>
/// One external host reached through the egress gateway: the unit that gets its own Gateway,
/// VirtualService, ServiceEntry and subset there. Services that share a host share its destination,
/// since Istio keeps one route per host: their ports are merged and their namespaces united.
/// </summary>
/// <param name="Name">Object and subset name, from the first service that lists the host (<see cref="ModeNames.Destination"/>).</param>
/// <param name="Services">The services that list the host, in config order.</param>
public sealed record GatewayDestination(string Host, string Name, ValueList<ExternalService> Services)
{
    /// <summary>The service that names the destination's objects.</summary>
    public ExternalService Service => Services[0];

    /// <summary>Every port of every service for the host, once per number (the first service's wins), by number.</summary>
    public IReadOnlyList<ServicePortConfig> Ports =>
        [.. Services.SelectMany(s => s.Ports).DistinctBy(p => p.Number).OrderBy(p => p.Number)];

    /// <summary>The namespaces granted the host by any of its services, sorted.</summary>
    public IReadOnlyList<string> Namespaces =>
        [.. Services.SelectMany(s => s.Namespaces).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The routed destinations of a stack, in config order: every host of every service that does not bypass the gateway and is granted somewhere.</summary>
    public static IReadOnlyList<GatewayDestination> Of(EgressConfig egress)
    {
        ArgumentNullException.ThrowIfNull(egress);
        var order = new List<string>();
        var byHost = new Dictionary<string, (string Name, List<ExternalService> Services)>(StringComparer.Ordinal);
        foreach (var service in egress.Services.Where(s => !s.BypassGateway && s.Namespaces.Count > 0))
        {
            for (var i = 0; i < service.Hosts.Count; i++)
            {
                var host = service.Hosts[i];
                if (!byHost.TryGetValue(host, out var entry))
                {
                    entry = (ModeNames.Destination(service, i), []);
                    byHost[host] = entry;
                    order.Add(host);
                }

                if (!entry.Services.Contains(service))
                {
                    entry.Services.Add(service);
                }
            }
        }

        return [.. order.Select(h => new GatewayDestination(h, byHost[h].Name, byHost[h].Services.ToValueList()))];
    }
}
