using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Analysis.Enforcement.Rules;

/// <summary>
/// NetworkPolicies that restrict egress in a meshed namespace without letting DNS out: once any policy
/// selects a pod for Egress, only what some policy allows leaves it, and Istio's proxies and the
/// applications both need UDP port 53 (kube-dns) to resolve names. A namespace is meshed when the set
/// labels it for injection or ambient, or holds Istio configuration for it.
/// </summary>
public sealed class NetworkPolicyDnsRule : IEnforcementRule
{
    private const int DnsPort = 53;

    public IEnumerable<ObjectFinding> Analyze(ObjectSet objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var meshed = MeshedNamespaces(objects);
        foreach (var group in objects.NetworkPolicies.Where(p => RestrictsEgress(p.Object.Input.Spec)).GroupBy(p => p.Object.Namespace, StringComparer.Ordinal))
        {
            if (!meshed.Contains(group.Key) || group.Any(p => AllowsDns(p.Object.Input.Spec, group.Key)))
            {
                continue;
            }

            var (index, policy) = group.First();
            yield return new ObjectFinding(index, EnforcementKindCodes.NetworkPolicyBlocksDns.Create(
                "spec.egress", $"egress from namespace {policy.Namespace} is restricted and no NetworkPolicy there allows DNS (UDP port 53): lookups time out and meshed pods cannot resolve external hosts"));
        }
    }

    /// <summary>policyTypes lists Egress, or (when omitted) the policy has egress rules.</summary>
    private static bool RestrictsEgress(MappingNode? spec)
    {
        var types = SpecNode.Strings(spec, "policyTypes");
        return types.Count > 0 ? types.Contains("Egress", StringComparer.Ordinal) : SpecNode.Has(spec, "egress");
    }

    private static bool AllowsDns(MappingNode? spec, string ns) =>
        SpecNode.Items(spec, "egress").Any(rule => PortsAllowDns(SpecNode.Items(rule, "ports")) && PeersMayBeDns(SpecNode.Items(rule, "to"), ns));

    private static bool PortsAllowDns(IReadOnlyList<ConfigNode> ports) =>
        ports.Count == 0 || ports.Any(p =>
        {
            var protocol = SpecNode.String(p, "protocol") ?? "TCP";
            if (protocol != "UDP")
            {
                return false;
            }

            var port = SpecNode.Get(p, "port");
            if (port is null)
            {
                return true;
            }

            if (SpecNode.AsString(port) is { } name)
            {
                return name.Contains("dns", StringComparison.OrdinalIgnoreCase);
            }

            var number = SpecNode.AsInteger(port);
            var end = SpecNode.Integer(p, "endPort") ?? number;
            return number <= DnsPort && end >= DnsPort;
        });

    /// <summary>Any peer that could be kube-dns: everything, another namespace, or an address block.</summary>
    private static bool PeersMayBeDns(IReadOnlyList<ConfigNode> peers, string ns) =>
        peers.Count == 0 || peers.Any(p => SpecNode.Has(p, "namespaceSelector") || SpecNode.Has(p, "ipBlock") || ns == "kube-system");

    private static HashSet<string> MeshedNamespaces(ObjectSet objects)
    {
        var meshed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ns in objects.OfKind(ObjectSet.Core, "Namespace").Select(n => n.Object))
        {
            var labels = SpecNode.StringMap(SpecNode.Map(ns.Input.Root, "metadata"), "labels")
                .GroupBy(l => l.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
            if (labels.GetValueOrDefault("istio-injection") == "enabled" || labels.ContainsKey("istio.io/rev")
                || labels.GetValueOrDefault("istio.io/dataplane-mode") == "ambient")
            {
                meshed.Add(ns.Name);
            }
        }

        foreach (var o in objects.Objects.Where(o => o.Group is ObjectSet.Networking or ObjectSet.Security && o.Kind != "ServiceEntry"))
        {
            meshed.Add(o.Namespace);
        }

        return meshed;
    }
}
