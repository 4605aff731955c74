using EgressInfra.Core.Manifests;
using EgressInfra.Core.Manifests.Reading;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Import;

/// <summary>
/// What a gateway-mode render of this project leaves beside the ServiceEntries and Sidecars: egress-infra's
/// Gateways name the gateway's namespace and selector, its VirtualServices the gateway's Service, its
/// DestinationRules the ports that originate TLS, and its NetworkPolicies whether they were enabled.
/// </summary>
internal sealed class GatewayRender
{
    private static readonly string[] Kinds = ["Gateway", "VirtualService", "DestinationRule", "AuthorizationPolicy", "NetworkPolicy"];

    private static readonly string[] RouteKinds = ["http", "tls", "tcp"];

    private readonly List<(string Namespace, MappingNode Node, string Kind)> objects = [];

    /// <summary>The gateway's namespace: where egress-infra's first Gateway lives; null for a render in another mode.</summary>
    public string? Namespace => objects.FirstOrDefault(o => o.Kind == "Gateway").Namespace;

    public int Objects => objects.Count;

    /// <summary>Keeps an egress-infra object of a gateway-mode kind; false for anything else, which the caller skips as before.</summary>
    public bool Observe(string? kind, ConfigNode node, string ns)
    {
        if (kind is null || !Kinds.Contains(kind) || node is not MappingNode map
            || TreeValues.String(TreeValues.Mapping(map["metadata"], "labels")?[ManagedLabels.ManagedBy]) != ManagedLabels.ManagedByValue)
        {
            return false;
        }

        objects.Add((ns, map, kind));
        return true;
    }

    public Dictionary<string, string> Selector() =>
        Spec("Gateway").Select(s => TreeValues.StringMap(s["selector"])).FirstOrDefault(m => m.Count > 0)?.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
        ?? new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The gateway's Service, from a VirtualService route to <c>name.namespace.svc.cluster.local</c>.</summary>
    public string? Service()
    {
        var suffix = $".{Namespace}.svc.cluster.local";
        return Spec("VirtualService")
            .SelectMany(s => RouteKinds.SelectMany(k => TreeValues.Items(s[k])))
            .SelectMany(r => TreeValues.Items((r as MappingNode)?["route"]))
            .Select(r => TreeValues.String(TreeValues.Mapping(r, "destination")?["host"]))
            .FirstOrDefault(h => h is not null && h.EndsWith(suffix, StringComparison.Ordinal) && h.Length > suffix.Length)?[..^suffix.Length];
    }

    /// <summary>The hosts the gateway serves (its Gateways' servers).</summary>
    public HashSet<string> Hosts() =>
        Spec("Gateway").SelectMany(s => TreeValues.Items(s["servers"]))
            .SelectMany(s => TreeValues.Strings((s as MappingNode)?["hosts"]))
            .Select(h => h.Contains('/', StringComparison.Ordinal) ? h[(h.IndexOf('/', StringComparison.Ordinal) + 1)..] : h)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether the gateway originates TLS (SIMPLE) for <paramref name="host"/> on <paramref name="port"/>.</summary>
    public bool Originates(string host, long port) =>
        Spec("DestinationRule")
            .Where(s => TreeValues.String(s["host"]) == host)
            .SelectMany(s => TreeValues.Items(TreeValues.Mapping(s, "trafficPolicy")?["portLevelSettings"]))
            .Any(p => TreeValues.Integer(TreeValues.Mapping(p, "port")?["number"]) == port
                && TreeValues.String(TreeValues.Mapping(p, "tls")?["mode"]) == "SIMPLE");

    public bool NetworkPolicies => objects.Any(o => o.Kind == "NetworkPolicy");

    private IEnumerable<MappingNode> Spec(string kind) =>
        objects.Where(o => o.Kind == kind && o.Namespace == Namespace).Select(o => o.Node["spec"]).OfType<MappingNode>();
}
