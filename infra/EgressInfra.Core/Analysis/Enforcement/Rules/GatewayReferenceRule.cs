using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Analysis.Enforcement.Rules;

/// <summary>
/// istioctl analyze's gateway checks for VirtualServices: a bound Gateway that does not exist (IST0101)
/// and a bound Gateway that serves none of the VirtualService's hosts to its namespace (IST0132).
/// </summary>
public sealed class GatewayReferenceRule : IEnforcementRule
{
    public IEnumerable<ObjectFinding> Analyze(ObjectSet objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        foreach (var (index, vs) in objects.VirtualServices)
        {
            var gateways = SpecNode.Strings(vs.Input.Spec, "gateways");
            var hosts = SpecNode.Strings(vs.Input.Spec, "hosts");
            for (var i = 0; i < gateways.Count; i++)
            {
                if (ObjectSet.ResolveGateway(gateways[i], vs.Namespace) is not { } reference)
                {
                    continue;
                }

                var path = ConfigPath.Index("spec.gateways", i);
                var gateway = objects.FindGateway(reference.Namespace, reference.Name);
                if (gateway is null)
                {
                    if (!objects.OfKind(ObjectSet.GatewayApi, "Gateway").Any(g => g.Object.Namespace == reference.Namespace && g.Object.Name == reference.Name))
                    {
                        yield return new ObjectFinding(index, EnforcementKindCodes.GatewayNotFound.Create(path, $"the gateway {reference.Namespace}/{reference.Name} is not in the set"));
                    }

                    continue;
                }

                var served = ServedHosts(gateway, vs.Namespace).ToList();
                if (!served.Any(g => hosts.Any(h => IstioHostName.Matches(g, h))))
                {
                    yield return new ObjectFinding(index, EnforcementKindCodes.HostNotInGateway.Create(
                        path,
                        $"none of the hosts [{string.Join(", ", hosts)}] is served by {reference.Namespace}/{reference.Name} to namespace {vs.Namespace} (it serves [{string.Join(", ", served)}])"));
                }
            }
        }
    }

    /// <summary>host.NamesForNamespace: the hosts of every server that are visible to <paramref name="ns"/>.</summary>
    public static IEnumerable<string> ServedHosts(SetObject gateway, string ns)
    {
        foreach (var server in SpecNode.Items(gateway.Input.Spec, "servers"))
        {
            foreach (var host in SpecNode.Strings(server, "hosts"))
            {
                var slash = host.IndexOf('/', StringComparison.Ordinal);
                if (slash < 0)
                {
                    yield return host;
                    continue;
                }

                var scope = host[..slash];
                scope = scope == "." ? gateway.Namespace : scope;
                if (scope == "*" || scope == ns)
                {
                    yield return host[(slash + 1)..];
                }
            }
        }
    }
}
