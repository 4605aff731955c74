using System.Globalization;
using EgressInfra.Core.Collections;
using EgressInfra.Core.Config;

namespace EgressInfra.Core.Manifests.Modes.Ambient;

/// <summary>
/// The waypoint's authorization. Per service, an ALLOW policy attached to its ServiceEntry
/// (<c>targetRefs</c>) that lets only the granted namespaces through: on HTTP ports with the Host
/// checked too (the waypoint sees the request), on other ports by port alone (L4, since Istio drops a
/// rule with HTTP-only fields on a TCP chain). And one DENY policy on the waypoint itself for every
/// source outside the governed namespaces. It is a DENY, not an ALLOW: ALLOW policies are OR-ed, so a
/// waypoint-wide ALLOW would let every governed namespace reach every entry and undo the per-entry ones.
/// </summary>
public static class AmbientAuthorization
{
    public const string ServiceEntryGroup = "networking.istio.io";

    public static AuthorizationPolicy ForService(AmbientConfig ambient, ExternalService service)
    {
        ArgumentNullException.ThrowIfNull(ambient);
        ArgumentNullException.ThrowIfNull(service);
        var from = ValueList.Of(new RuleSource(service.Namespaces.Distinct().Order(StringComparer.Ordinal).ToValueList()));
        var rules = new List<AuthorizationRule>();
        foreach (var port in service.Ports.Where(p => IsHttp(p.Protocol)).Select(p => p.Number).Distinct().Order())
        {
            var hosts = service.Hosts
                .SelectMany(h => new[] { h, string.Create(CultureInfo.InvariantCulture, $"{h}:{port}") })
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToValueList();
            rules.Add(new AuthorizationRule(from, ValueList.Of(new RuleOperation(hosts) { Ports = ValueList.Of(Number(port)) }), ValueList<RuleCondition>.Empty));
        }

        var l4 = service.Ports.Where(p => !IsHttp(p.Protocol)).Select(p => p.Number).Distinct().Order().Select(Number).ToValueList();
        if (l4.Count > 0)
        {
            rules.Add(new AuthorizationRule(from, ValueList.Of(new RuleOperation(ValueList<string>.Empty) { Ports = l4 }), ValueList<RuleCondition>.Empty));
        }

        var spec = new AuthorizationPolicySpec(null, "ALLOW", rules.ToValueList())
        {
            TargetRefs = ValueList.Of(new PolicyTargetReference(ServiceEntryGroup, ServiceEntry.KindName, service.Name)),
        };
        return new AuthorizationPolicy(TlsOrigination.Labelled(service.Name, ambient.Namespace, service.Name), spec);
    }

    /// <summary>Refuses, at the waypoint, any caller outside the governed namespaces, whatever entry it asks for.</summary>
    public static AuthorizationPolicy Sources(AmbientConfig ambient, EgressConfig egress)
    {
        ArgumentNullException.ThrowIfNull(ambient);
        ArgumentNullException.ThrowIfNull(egress);
        var governed = egress.Namespaces.Distinct().Order(StringComparer.Ordinal).ToValueList();
        var rule = new AuthorizationRule(
            ValueList.Of(new RuleSource(ValueList<string>.Empty) { NotNamespaces = governed }),
            ValueList<RuleOperation>.Empty,
            ValueList<RuleCondition>.Empty);
        var spec = new AuthorizationPolicySpec(null, "DENY", ValueList.Of(rule))
        {
            TargetRefs = ValueList.Of(new PolicyTargetReference(WaypointGateway.Group, WaypointGateway.KindName, ambient.Waypoint)),
        };
        var metadata = new ObjectMetadata(
            AmbientNames.SourcesPolicy(ambient.Waypoint),
            ambient.WaypointNamespace,
            ValueMap.Of((ManagedLabels.ManagedBy, ManagedLabels.ManagedByValue)),
            ValueMap<string>.Empty);
        return new AuthorizationPolicy(metadata, spec);
    }

    /// <summary>Istio's IsHTTP: the protocols whose ports get an HTTP chain at the waypoint.</summary>
    public static bool IsHttp(ServiceProtocol protocol) => protocol is ServiceProtocol.Http or ServiceProtocol.Http2
        or ServiceProtocol.Grpc or ServiceProtocol.GrpcWeb or ServiceProtocol.HttpProxy;

    private static string Number(int port) => port.ToString(CultureInfo.InvariantCulture);
}
