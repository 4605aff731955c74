using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Analysis.Enforcement;

/// <summary>
/// The egress gateway pattern of Istio's egress tasks: a VirtualService bound to the mesh and to a
/// Gateway, whose mesh routes send traffic to a host that is not one of its own hosts (the gateway's
/// Service). Those mesh routes lead to the gateway; the Gateway is an egress gateway.
/// </summary>
public static class EgressPaths
{
    /// <summary>Mesh routes to a gateway: the VirtualService, the destination, and the Gateways it binds.</summary>
    public static IEnumerable<(int VsIndex, SetObject Vs, RouteDestination Destination, IReadOnlyList<SetObject> Gateways)> MeshToGateway(ObjectSet set)
    {
        foreach (var (index, vs) in set.VirtualServices)
        {
            var bound = SpecNode.Strings(vs.Input.Spec, "gateways");
            if (!bound.Contains("mesh", StringComparer.Ordinal))
            {
                continue;
            }

            var gateways = bound.Select(g => ObjectSet.ResolveGateway(g, vs.Namespace))
                .OfType<(string Namespace, string Name)>()
                .Select(r => set.FindGateway(r.Namespace, r.Name))
                .OfType<SetObject>()
                .ToList();
            if (gateways.Count == 0)
            {
                continue;
            }

            var hosts = SpecNode.Strings(vs.Input.Spec, "hosts").Select(h => ObjectSet.ResolveHost(h, vs.Namespace)).ToList();
            foreach (var destination in RouteDestination.Of(vs).Where(d => d.FromMesh))
            {
                if (!hosts.Any(h => IstioHostName.Matches(h, destination.Host)))
                {
                    yield return (index, vs, destination, gateways);
                }
            }
        }
    }

    /// <summary>Gateways that carry egress: those mesh routes lead to, and those whose selector names an egress gateway.</summary>
    public static IEnumerable<(int Index, SetObject Gateway)> EgressGateways(ObjectSet set)
    {
        var viaRoutes = MeshToGateway(set).SelectMany(p => p.Gateways).ToHashSet();
        return set.Gateways.Where(g => viaRoutes.Contains(g.Object)
            || ObjectSet.GatewaySelector(g.Object).Values.Any(v => v.Contains("egressgateway", StringComparison.OrdinalIgnoreCase)));
    }
}
