using System.Globalization;
using EgressInfra.Core.Collections;
using EgressInfra.Core.Config;

namespace EgressInfra.Core.Manifests.Modes.Gateway;

/// <summary>
/// The AuthorizationPolicy on the egress gateway's pods: ALLOW, one rule per set of namespaces and
/// kind of traffic, pairing those namespaces with exactly the hosts granted to them: the mTLS SNI
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

        // Hosts granted to the same namespaces share a rule (Istio allows at most 512 rules a policy);
        // a rule never pairs a namespace with a host it was not granted.
        var grants = new SortedDictionary<(string Namespaces, bool Http), (SortedSet<string> Hosts, SortedSet<string> Authorities)>();
        foreach (var destination in destinations)
        {
            var namespaces = string.Join(",", destination.Namespaces);
            foreach (var port in destination.Ports)
            {
                var kind = GatewayPortKinds.Of(port.Protocol);
                if (kind == GatewayPortKind.Unsupported)
                {
                    continue;
                }

                var key = (namespaces, kind == GatewayPortKind.Http);
                if (!grants.TryGetValue(key, out var grant))
                {
                    grant = (new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal));
                    grants[key] = grant;
                }

                grant.Hosts.Add(destination.Host);
                grant.Authorities.Add(destination.Host);
                grant.Authorities.Add(string.Create(CultureInfo.InvariantCulture, $"{destination.Host}:{port.Number}"));
            }
        }

        var rules = grants.Select(g => Rule(g.Key.Namespaces.Split(','), g.Key.Http, g.Value.Hosts, g.Value.Authorities)).ToValueList();
        return new AuthorizationPolicy(
            new ObjectMetadata(gateway.Service, gateway.Namespace, ValueMap.Of((ManagedLabels.ManagedBy, ManagedLabels.ManagedByValue)), ValueMap<string>.Empty),
            new AuthorizationPolicySpec(new PolicySelector(gateway.Selector), "ALLOW", rules));
    }

    private static AuthorizationRule Rule(IEnumerable<string> namespaces, bool http, IEnumerable<string> hosts, IEnumerable<string> authorities)
    {
        var from = ValueList.Of(new RuleSource(namespaces.ToValueList()));
        var when = ValueList.Of(new RuleCondition(SniKey, hosts.ToValueList()));
        return http
            ? new AuthorizationRule(from, ValueList.Of(new RuleOperation(authorities.ToValueList())), when)
            : new AuthorizationRule(from, ValueList<RuleOperation>.Empty, when);
    }
}
