using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Analysis.Enforcement.Rules;

/// <summary>
/// An AuthorizationPolicy that applies to nothing in the set: a targetRef to a ServiceEntry, Service or
/// Gateway that is not there, or a selector no known workload or Gateway of its namespace carries.
/// Kinds the set holds none of in that namespace are not judged.
/// </summary>
public sealed class PolicyTargetRule : IEnforcementRule
{
    public IEnumerable<ObjectFinding> Analyze(ObjectSet objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        foreach (var (index, policy) in objects.Policies)
        {
            var spec = policy.Input.Spec;
            var refs = SpecNode.Items(spec, "targetRefs").Select((r, i) => (Node: r, Path: ConfigPath.Index("spec.targetRefs", i))).ToList();
            if (SpecNode.Map(spec, "targetRef") is { } single)
            {
                refs.Add((single, "spec.targetRef"));
            }

            foreach (var (node, path) in refs)
            {
                var group = SpecNode.Text(node, "group");
                var kind = SpecNode.Text(node, "kind");
                var name = SpecNode.Text(node, "name");
                var candidates = (group, kind) switch
                {
                    ("networking.istio.io", "ServiceEntry") => objects.ServiceEntries.Select(o => o.Object).Where(o => o.Namespace == policy.Namespace).ToList(),
                    ("", "Service") => objects.OfKind(ObjectSet.Core, "Service").Select(o => o.Object).Where(o => o.Namespace == policy.Namespace).ToList(),
                    ("gateway.networking.k8s.io", "Gateway") => objects.OfKind(ObjectSet.GatewayApi, "Gateway").Select(o => o.Object).Where(o => o.Namespace == policy.Namespace).ToList(),
                    _ => null,
                };

                // ServiceEntries are always read; Services and Gateways only when the set has some to compare with.
                if (candidates is null || (kind != "ServiceEntry" && candidates.Count == 0))
                {
                    continue;
                }

                if (!candidates.Any(c => c.Name == name))
                {
                    yield return new ObjectFinding(index, EnforcementKindCodes.PolicyTargetsNothing.Create(
                        path, $"the policy targets {kind} {policy.Namespace}/{name}, which is not in the set, so it applies to nothing"));
                }
            }

            if (SpecNode.Map(spec, "selector") is { } selector && SelectorMatchesNothing(objects, policy.Namespace, selector))
            {
                yield return new ObjectFinding(index, EnforcementKindCodes.PolicyTargetsNothing.Create(
                    "spec.selector", $"no workload or Gateway of namespace {policy.Namespace} in the set carries the labels this selector asks for"));
            }
        }
    }

    private static bool SelectorMatchesNothing(ObjectSet objects, string ns, MappingNode selector)
    {
        var wanted = SpecNode.StringMap(selector, "matchLabels").ToList();
        if (wanted.Count == 0)
        {
            return false;
        }

        var workloads = objects.Workloads.Where(w => w.Namespace == ns).Select(w => w.Labels).ToList();

        // A Gateway's selector is part of its pods' labels: a policy that contradicts none of it may match them.
        var gateways = objects.Gateways.Select(g => g.Object).Where(g => g.Namespace == ns).Select(ObjectSet.GatewaySelector).ToList();
        if (workloads.Count == 0 && gateways.Count == 0)
        {
            return false;
        }

        var exact = workloads.Any(labels => wanted.All(w => labels.TryGetValue(w.Key, out var v) && v == w.Value));
        var possible = gateways.Any(labels => wanted.All(w => !labels.TryGetValue(w.Key, out var v) || v == w.Value));
        return !exact && !possible;
    }
}
