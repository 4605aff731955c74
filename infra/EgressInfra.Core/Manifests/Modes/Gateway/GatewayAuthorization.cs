using System.Globalization;
using EgressInfra.Core.Collections;
using EgressInfra.Core.Config;

namespace EgressInfra.Core.Manifests.Modes.Gateway;

/// <summary>
/// The AuthorizationPolicy on the egress gateway's pods: ALLOW, one rule per host and kind of
/// traffic, pairing the namespaces granted the host with the host itself: the mTLS SNI
/// (<c>connection.sni</c>) for passed-through TLS and opaque TCP, the Host header (with and without
/// port, as Istio matches it exactly) and the SNI for HTTP. An ALLOW policy denies whatever none of
/// its rules match, so a namespace not granted a host gets 403 (HTTP) or a reset (TLS, TCP).
/// </summary>
public static class GatewayAuthorization
{
    public const string SniKey = "connection.sni";

    public static AuthorizationPolicy Build(GatewayConfig gateway, IReadOnlyList<GatewayDestination> destinations)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(destinations);
        var grants = new SortedDictionary<(string Host, bool Http), (SortedSet<string> Namespaces, SortedSet<long> Ports)>();
        foreach (var destination in destinations)
        {
            foreach (var port in destination.Service.Ports)
            {
                var kind = GatewayPortKinds.Of(port.Protocol);
                if (kind == GatewayPortKind.Unsupported)
                {
                    continue;
                }

                var key = (destination.Host, kind == GatewayPortKind.Http);
                if (!grants.TryGetValue(key, out var grant))
                {
                    grant = (new SortedSet<string>(StringComparer.Ordinal), new SortedSet<long>());
                    grants[key] = grant;
                }

                grant.Namespaces.UnionWith(destination.Service.Namespaces);
                grant.Ports.Add(port.Number);
            }
        }

        var rules = grants.Select(g => Rule(g.Key.Host, g.Key.Http, g.Value.Namespaces, g.Value.Ports)).ToValueList();
        return new AuthorizationPolicy(
            new ObjectMetadata(gateway.Service, gateway.Namespace, ValueMap.Of((ManagedLabels.ManagedBy, ManagedLabels.ManagedByValue)), ValueMap<string>.Empty),
            new AuthorizationPolicySpec(new PolicySelector(gateway.Selector), "ALLOW", rules));
    }

    private static AuthorizationRule Rule(string host, bool http, IEnumerable<string> namespaces, IEnumerable<long> ports)
    {
        var from = ValueList.Of(new RuleSource(namespaces.ToValueList()));
        var when = ValueList.Of(new RuleCondition(SniKey, ValueList.Of(host)));
        if (!http)
        {
            return new AuthorizationRule(from, ValueList<RuleOperation>.Empty, when);
        }

        var hosts = ports.Select(p => string.Create(CultureInfo.InvariantCulture, $"{host}:{p}")).Prepend(host).ToValueList();
        return new AuthorizationRule(from, ValueList.Of(new RuleOperation(hosts)), when);
    }
}
