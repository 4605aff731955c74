using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Analysis.Enforcement.Rules;

/// <summary>
/// istioctl analyze IST0145: Gateways with the same selector (or selectors that pick the same Pod of the
/// set) that claim the same host on the same port (and bind).
/// </summary>
public sealed class ConflictingGatewaysRule : IEnforcementRule
{
    public IEnumerable<ObjectFinding> Analyze(ObjectSet objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var gateways = objects.Gateways.ToList();
        var pods = objects.OfKind(ObjectSet.Core, "Pod")
            .Select(p => SpecNode.StringMap(SpecNode.Map(p.Object.Input.Root, "metadata"), "labels")
                .GroupBy(l => l.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal))
            .ToList();
        foreach (var (index, gateway) in gateways)
        {
            var selector = Key(ObjectSet.GatewaySelector(gateway));
            var servers = SpecNode.Items(gateway.Input.Spec, "servers");
            for (var s = 0; s < servers.Count; s++)
            {
                var port = SpecNode.Integer(SpecNode.Map(servers[s], "port"), "number");
                var bind = SpecNode.Text(servers[s], "bind");
                var hosts = SpecNode.Strings(servers[s], "hosts").Select(HostPart).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var others = gateways
                    .Where(o => o.Index != index && SameWorkloads(ObjectSet.GatewaySelector(gateway), ObjectSet.GatewaySelector(o.Object), pods))
                    .Where(o => SpecNode.Items(o.Object.Input.Spec, "servers").Any(other =>
                        SpecNode.Integer(SpecNode.Map(other, "port"), "number") == port
                        && SpecNode.Text(other, "bind") == bind
                        && SpecNode.Strings(other, "hosts").Any(h => hosts.Contains(HostPart(h)))))
                    .Select(o => $"{o.Object.Namespace}/{o.Object.Name}")
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (others.Count > 0)
                {
                    yield return new ObjectFinding(index, EnforcementKindCodes.ConflictingGateways.Create(
                        ConfigPath.Index("spec.servers", s),
                        $"port {port} with hosts [{string.Join(", ", hosts.Order(StringComparer.Ordinal))}] on the workloads selected by {{{selector}}} is also claimed by {string.Join(", ", others)}; Envoy keeps only one of them"));
                }
            }
        }
    }

    /// <summary>
    /// Whether Istio's ConflictingGatewayAnalyzer counts two selectors as the same workloads: equal, or,
    /// when one's text ("k=v,k=v" in key order) contains the other's, a Pod of the set that both select
    /// (any namespace, as Istio matches it).
    /// </summary>
    private static bool SameWorkloads(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b, IReadOnlyList<Dictionary<string, string>> pods)
    {
        string keyA = Key(a), keyB = Key(b);
        if (keyA == keyB)
        {
            return true;
        }

        return (keyA.Contains(keyB, StringComparison.Ordinal) || keyB.Contains(keyA, StringComparison.Ordinal))
            && pods.Any(labels => Selects(a, labels) && Selects(b, labels));
    }

    private static bool Selects(IReadOnlyDictionary<string, string> selector, Dictionary<string, string> labels) =>
        selector.All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value);

    private static string HostPart(string host) => host[(host.IndexOf('/', StringComparison.Ordinal) + 1)..];

    private static string Key(IReadOnlyDictionary<string, string> selector) =>
        string.Join(",", selector.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
}
