using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Istio.Syntax;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Analysis.Enforcement.Rules;

/// <summary>
/// Double TLS: a DestinationRule originates TLS (SIMPLE or MUTUAL) on a port its ServiceEntry declares
/// as TLS or HTTPS, where the application already speaks TLS. Not reported when a VirtualService sends
/// HTTP to that port (Istio's "TLS origination at the egress gateway" task does exactly that).
/// </summary>
public sealed class DoubleTlsRule : IEnforcementRule
{
    public IEnumerable<ObjectFinding> Analyze(ObjectSet objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var httpTargets = objects.VirtualServices.SelectMany(v => RouteDestination.Of(v.Object)).Where(d => d.Protocol == "http").ToList();
        foreach (var (index, dr) in objects.DestinationRules)
        {
            var host = ObjectSet.ResolveHost(SpecNode.Text(dr.Input.Spec, "host"), dr.Namespace);
            var policy = SpecNode.Map(dr.Input.Spec, "trafficPolicy");
            var originations = new List<(long? Port, string Path)>();
            if (Originates(SpecNode.Map(policy, "tls")))
            {
                originations.Add((null, "spec.trafficPolicy.tls.mode"));
            }

            var ports = SpecNode.Items(policy, "portLevelSettings");
            for (var i = 0; i < ports.Count; i++)
            {
                if (Originates(SpecNode.Map(ports[i], "tls")))
                {
                    originations.Add((SpecNode.Integer(SpecNode.Map(ports[i], "port"), "number"), ConfigPath.Child(ConfigPath.Child(ConfigPath.Index("spec.trafficPolicy.portLevelSettings", i), "tls"), "mode")));
                }
            }

            foreach (var (port, path) in originations)
            {
                foreach (var tlsPort in TlsPorts(objects, host).Where(p => port is null || p == port).Distinct())
                {
                    if (httpTargets.Any(t => IstioHostName.Matches(t.Host, host) && t.Port == tlsPort))
                    {
                        continue;
                    }

                    yield return new ObjectFinding(index, EnforcementKindCodes.DoubleTls.Create(
                        path, $"{host} port {tlsPort} is declared TLS/HTTPS by a ServiceEntry, so clients already send TLS there; originating TLS again wraps it twice and the server sees garbage"));
                }
            }
        }
    }

    private static bool Originates(MappingNode? tls) => SpecNode.Text(tls, "mode") is "SIMPLE" or "MUTUAL";

    private static IEnumerable<long> TlsPorts(ObjectSet objects, string host) =>
        objects.ServiceEntries.Select(s => s.Object)
            .Where(se => SpecNode.Strings(se.Input.Spec, "hosts").Any(h => IstioHostName.Matches(h, host)))
            .SelectMany(se => SpecNode.Items(se.Input.Spec, "ports"))
            .Where(p => IstioProtocols.Parse(SpecNode.Text(p, "protocol")).IsTls())
            .Select(p => SpecNode.Integer(p, "number"))
            .OfType<long>();
}
