using EgressInfra.Core.Collections;
using EgressInfra.Core.Config;

namespace EgressInfra.Core.Manifests.Modes;

/// <summary>
/// DestinationRules that open TLS for the ports marked <c>originateTls</c>: the application speaks
/// HTTP to port N and the proxy connects with TLS (<c>SIMPLE</c>, SNI set to the host) to the
/// destination's target port. One rule per host, since a DestinationRule names one host.
/// </summary>
public static class TlsOrigination
{
    public static IEnumerable<DestinationRule> Build(ExternalService service, string ns, ValueList<string> exportTo)
    {
        ArgumentNullException.ThrowIfNull(service);
        var ports = service.Ports.Where(p => p.OriginateTls).Select(p => (long)p.Number).Distinct().Order().ToList();
        if (ports.Count == 0)
        {
            yield break;
        }

        for (var i = 0; i < service.Hosts.Count; i++)
        {
            var host = service.Hosts[i];
            var tls = new ClientTlsSettings("SIMPLE") { Sni = host };
            var policy = new TrafficPolicy(null, ports.Select(p => new PortTrafficPolicy(p, tls)).ToValueList());
            yield return new DestinationRule(
                Labelled(ModeNames.Destination(service, i), ns, service.Name),
                new DestinationRuleSpec(host, policy, ValueList<Subset>.Empty, exportTo));
        }
    }

    internal static ObjectMetadata Labelled(string name, string ns, string service) => new(
        name,
        ns,
        ValueMap.Of((ManagedLabels.ManagedBy, ManagedLabels.ManagedByValue), (ManagedLabels.Service, service)),
        ValueMap<string>.Empty);
}
