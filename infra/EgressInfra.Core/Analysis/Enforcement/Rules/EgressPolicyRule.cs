using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Analysis.Enforcement.Rules;

/// <summary>
/// Restrictive profile: every egress path has an AuthorizationPolicy at its chokepoint. For an egress
/// gateway, a policy whose selector fits the Gateway's selector (or a namespace-wide one where the
/// Gateway lives, or a mesh-wide one in the root namespace); for a ServiceEntry that uses a waypoint
/// (ambient), a policy that targets the ServiceEntry or the waypoint.
/// </summary>
public sealed class EgressPolicyRule : IEnforcementRule
{
    private const string UseWaypoint = "istio.io/use-waypoint";

    public IEnumerable<ObjectFinding> Analyze(ObjectSet objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var policies = objects.Policies.Select(p => p.Object).Where(p => SpecNode.Text(p.Input.Spec, "action") is "" or "ALLOW" or "DENY" or "CUSTOM").ToList();
        foreach (var (index, gateway) in EgressPaths.EgressGateways(objects))
        {
            var selector = ObjectSet.GatewaySelector(gateway);
            if (!policies.Any(p => GuardsGateway(p, gateway, selector)))
            {
                yield return new ObjectFinding(index, EnforcementKindCodes.EgressPathWithoutPolicy.Create(
                    "spec.selector", $"no AuthorizationPolicy selects the egress gateway of {gateway.Namespace}/{gateway.Name}: any workload that reaches it can use it to leave the mesh"));
            }
        }

        foreach (var (index, entry) in objects.ServiceEntries)
        {
            var labels = SpecNode.StringMap(SpecNode.Map(entry.Input.Root, "metadata"), "labels").ToList();
            var waypoint = labels.FirstOrDefault(l => l.Key == UseWaypoint).Value;
            if (string.IsNullOrEmpty(waypoint) || waypoint == "none")
            {
                continue;
            }

            if (!policies.Any(p => Targets(p, entry.Namespace, "ServiceEntry", entry.Name) || Targets(p, entry.Namespace, "Gateway", waypoint)))
            {
                yield return new ObjectFinding(index, EnforcementKindCodes.EgressPathWithoutPolicy.Create(
                    ConfigPath.Child("metadata.labels", UseWaypoint), $"no AuthorizationPolicy targets ServiceEntry {entry.Namespace}/{entry.Name} or its waypoint {waypoint}: every workload allowed to the waypoint reaches {string.Join(", ", SpecNode.Strings(entry.Input.Spec, "hosts"))}"));
            }
        }
    }

    private static bool GuardsGateway(SetObject policy, SetObject gateway, IReadOnlyDictionary<string, string> gatewaySelector)
    {
        var spec = policy.Input.Spec;
        if (SpecNode.Map(spec, "selector") is { } selector)
        {
            var wanted = SpecNode.StringMap(selector, "matchLabels").ToList();
            return wanted.Count > 0 && wanted.All(w => gatewaySelector.TryGetValue(w.Key, out var v) && v == w.Value);
        }

        if (SpecNode.NonEmpty(spec, "targetRefs") || SpecNode.Has(spec, "targetRef"))
        {
            return false;
        }

        return policy.Namespace == gateway.Namespace || policy.Namespace == ObjectSet.RootNamespace;
    }

    private static bool Targets(SetObject policy, string ns, string kind, string name)
    {
        if (policy.Namespace != ns)
        {
            return false;
        }

        var spec = policy.Input.Spec;
        var refs = SpecNode.Items(spec, "targetRefs").Append(SpecNode.Map(spec, "targetRef")).OfType<MappingNode>();
        return refs.Any(r => SpecNode.Text(r, "kind") == kind && SpecNode.Text(r, "name") == name);
    }
}
