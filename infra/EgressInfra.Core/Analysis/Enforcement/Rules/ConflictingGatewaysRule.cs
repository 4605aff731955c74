using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Analysis.Enforcement.Rules;

/// <summary>istioctl analyze IST0145: Gateways with the same selector that claim the same host on the same port (and bind).</summary>
public sealed class ConflictingGatewaysRule : IEnforcementRule
{
    public IEnumerable<ObjectFinding> Analyze(ObjectSet objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var gateways = objects.Gateways.ToList();
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
                    .Where(o => o.Index != index && Key(ObjectSet.GatewaySelector(o.Object)) == selector)
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

    private static string HostPart(string host) => host[(host.IndexOf('/', StringComparison.Ordinal) + 1)..];

    private static string Key(IReadOnlyDictionary<string, string> selector) =>
        string.Join(",", selector.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
}
