using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Analysis.Enforcement.Rules;

/// <summary>
/// Mesh traffic routed to an egress gateway subset whose DestinationRule does not use ISTIO_MUTUAL:
/// without the caller's mTLS identity the gateway cannot tell workloads apart, so no policy there can.
/// The TLS that applies is the most specific: the subset's port, the subset, the rule's port, the rule.
/// </summary>
public sealed class GatewaySubsetMtlsRule : IEnforcementRule
{
    public IEnumerable<ObjectFinding> Analyze(ObjectSet objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var rules = objects.DestinationRules.ToList();
        foreach (var (_, _, destination, gateways) in EgressPaths.MeshToGateway(objects))
        {
            if (destination.Subset is null)
            {
                continue;
            }

            foreach (var (drIndex, dr) in rules.Where(r => IstioHostName.Matches(ObjectSet.ResolveHost(SpecNode.Text(r.Object.Input.Spec, "host"), r.Object.Namespace), destination.Host)))
            {
                var subsets = SpecNode.Items(dr.Input.Spec, "subsets");
                var s = subsets.Select((node, i) => (node, i)).FirstOrDefault(p => SpecNode.Text(p.node, "name") == destination.Subset);
                if (s.node is null)
                {
                    continue;
                }

                var (mode, path) = EffectiveTls(dr.Input.Spec, s.node, ConfigPath.Index("spec.subsets", s.i), destination.Port);
                if (mode != "ISTIO_MUTUAL")
                {
                    var names = string.Join(", ", gateways.Select(g => $"{g.Namespace}/{g.Name}"));
                    var shown = mode.Length == 0 ? "no tls mode" : $"tls mode {mode}";
                    yield return new ObjectFinding(drIndex, EnforcementKindCodes.GatewaySubsetWithoutMtls.Create(
                        path, $"mesh traffic reaches the egress gateway ({names}) through subset {destination.Subset} with {shown}, not ISTIO_MUTUAL: the gateway cannot tell which workload calls"));
                }
            }
        }
    }

    private static (string Mode, string Path) EffectiveTls(MappingNode? spec, ConfigNode subset, string subsetPath, long? port)
    {
        var candidates = new[]
        {
            (Policy: SpecNode.Map(subset, "trafficPolicy"), Path: ConfigPath.Child(subsetPath, "trafficPolicy")),
            (Policy: SpecNode.Map(spec, "trafficPolicy"), Path: "spec.trafficPolicy"),
        };
        foreach (var (policy, path) in candidates)
        {
            var ports = SpecNode.Items(policy, "portLevelSettings");
            for (var i = 0; i < ports.Count; i++)
            {
                // A route without a port uses whichever port it arrives on: any port-level TLS may be the one.
                if ((port is null || SpecNode.Integer(SpecNode.Map(ports[i], "port"), "number") == port) && SpecNode.Map(ports[i], "tls") is { } portTls)
                {
                    return (SpecNode.Text(portTls, "mode"), ConfigPath.Child(ConfigPath.Child(ConfigPath.Index(ConfigPath.Child(path, "portLevelSettings"), i), "tls"), "mode"));
                }
            }

            if (SpecNode.Map(policy, "tls") is { } tls)
            {
                return (SpecNode.Text(tls, "mode"), ConfigPath.Child(ConfigPath.Child(path, "tls"), "mode"));
            }
        }

        return (string.Empty, subsetPath);
    }
}
