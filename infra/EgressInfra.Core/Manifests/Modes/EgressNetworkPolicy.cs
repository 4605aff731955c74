using EgressInfra.Core.Collections;
using EgressInfra.Core.Config;

namespace EgressInfra.Core.Manifests.Modes;

/// <summary>
/// The NetworkPolicy of one governed namespace: every pod may reach the cluster DNS, istiod and what
/// the namespace's Sidecar imports from the mesh; a mode adds its own rules (the egress gateway's
/// pods, or direct destinations). Everything else leaving a pod is dropped by the CNI, sidecar or not.
/// </summary>
public static class EgressNetworkPolicy
{
    /// <param name="skipImportsOf">Namespaces whose Sidecar import is covered by a narrower rule of the mode (the gateway's).</param>
    public static NetworkPolicy Build(EgressConfig egress, string ns, IEnumerable<NetworkPolicyEgressRule> modeRules, IReadOnlySet<string>? skipImportsOf = null)
    {
        ArgumentNullException.ThrowIfNull(egress);
        var settings = egress.NetworkPolicy;
        var rules = new List<NetworkPolicyEgressRule>
        {
            new(
                ValueList.Of(PodsIn(settings.Dns)),
                ValueList.Of(new NetworkPolicyPort("UDP", 53), new NetworkPolicyPort("TCP", 53))),
            new(ValueList.Of(PodsIn(settings.ControlPlane)), ValueList.Of(new NetworkPolicyPort("TCP", 15012))),
        };

        var importPeers = ImportPeers(egress, skipImportsOf ?? new HashSet<string>()).ToValueList();
        if (importPeers.Count > 0)
        {
            rules.Add(new NetworkPolicyEgressRule(importPeers, ValueList<NetworkPolicyPort>.Empty));
        }

        rules.AddRange(modeRules);
        var metadata = new ObjectMetadata(
            ModeNames.NetworkPolicy,
            ns,
            ValueMap.Of((ManagedLabels.ManagedBy, ManagedLabels.ManagedByValue)),
            ValueMap<string>.Empty);
        return new NetworkPolicy(
            metadata,
            new NetworkPolicySpec(LabelSelector.All, ValueList.Of("Egress"), Distinct(rules), ValueList<NetworkPolicyIngressRule>.Empty));
    }

    public static NetworkPolicyPeer PodsIn(PeerSelector peer) => new(
        new LabelSelector(peer.Labels),
        NamespaceNamed(peer.Namespace),
        null);

    public static LabelSelector NamespaceNamed(string ns) => new(ValueMap.Of((ModeNames.NamespaceNameLabel, ns)));

    /// <summary>A rule allowing <paramref name="cidrs"/> on <paramref name="ports"/>.</summary>
    public static NetworkPolicyEgressRule ToCidrs(IEnumerable<string> cidrs, IEnumerable<NetworkPolicyPort> ports) => new(
        cidrs.Select(c => new NetworkPolicyPeer(null, null, new IpBlock(c, ValueList<string>.Empty))).ToValueList(),
        ports.ToValueList());

    /// <summary>
    /// The Sidecar's in-mesh imports as peers: <c>./</c> is the namespace's own pods, <c>*/</c> every
    /// namespace's pods, <c>~/</c> nothing; a host within a namespace cannot be told apart at L3, so the
    /// whole namespace is allowed.
    /// </summary>
    private static IEnumerable<NetworkPolicyPeer> ImportPeers(EgressConfig egress, IReadOnlySet<string> skip)
    {
        var namespaces = new SortedSet<string>(StringComparer.Ordinal);
        var all = false;
        foreach (var import in egress.SidecarImports)
        {
            var slash = import.IndexOf('/', StringComparison.Ordinal);
            var ns = slash < 0 ? "*" : import[..slash];
            switch (ns)
            {
                case "*":
                    all = true;
                    break;
                case "." or "~":
                    break;
                default:
                    if (!skip.Contains(ns))
                    {
                        namespaces.Add(ns);
                    }

                    break;
            }
        }

        if (all)
        {
            yield return new NetworkPolicyPeer(null, LabelSelector.All, null);
            yield break;
        }

        // Every Sidecar imports "./*": the namespace's own pods.
        yield return new NetworkPolicyPeer(LabelSelector.All, null, null);

        foreach (var ns in namespaces)
        {
            yield return new NetworkPolicyPeer(null, NamespaceNamed(ns), null);
        }
    }

    /// <summary>Orders CIDR rules by their addresses, then ports, so the policy does not depend on config order.</summary>
    public static string SortKey(NetworkPolicyEgressRule rule) =>
        string.Join(",", rule.To.Select(p => p.IpBlock?.Cidr)) + "|" + string.Join(",", rule.Ports.Select(DirectDestinations.Describe));

    /// <summary>Equal rules once, in first-seen order (the order of the base rules, then the mode's, sorted by it).</summary>
    private static ValueList<NetworkPolicyEgressRule> Distinct(List<NetworkPolicyEgressRule> rules) =>
        rules.Distinct().ToValueList();
}
