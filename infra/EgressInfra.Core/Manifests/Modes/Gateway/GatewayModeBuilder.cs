using EgressInfra.Core.Collections;
using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Posture;

namespace EgressInfra.Core.Manifests.Modes.Gateway;

/// <summary>
/// Gateway mode: every external destination is reached through the egress gateway. Beside each
/// namespace's ServiceEntries and Sidecar (which now imports the gateway's namespace), the gateway's
/// namespace gets per destination a Gateway, a VirtualService, its own ServiceEntry and, for
/// <c>originateTls</c> ports, a DestinationRule opening TLS; plus one DestinationRule with a subset per
/// destination and one AuthorizationPolicy. Each governed namespace gets a NetworkPolicy that lets its
/// pods reach only DNS, istiod, the mesh it imports and the gateway's pods, plus the exact addresses of
/// services that bypass the gateway.
/// </summary>
public sealed class GatewayModeBuilder : IModeBuilder
{
    public EgressMode Mode => EgressMode.Gateway;

    public IEnumerable<Diagnostic> Check(EgressConfig egress) => GatewayChecks.Check(egress);

    public IEnumerable<IKubernetesObject> Build(EgressConfig egress, IReadOnlyList<BuiltServiceEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(egress);
        ArgumentNullException.ThrowIfNull(entries);
        var gateway = egress.Gateway;
        foreach (var entry in entries)
        {
            yield return ManifestBuilder.Canonical(entry.Entry);
        }

        foreach (var ns in egress.Namespaces)
        {
            yield return ManifestBuilder.BuildSidecar(egress, ns, gateway.Namespace);
            if (egress.NetworkPolicy.Enabled)
            {
                yield return EgressNetworkPolicy.Build(egress, ns, NamespaceRules(egress, ns), new HashSet<string>(StringComparer.Ordinal) { gateway.Namespace });
            }
        }

        // A service that bypasses the gateway keeps sidecar-mode origination in its users' namespaces.
        foreach (var service in egress.Services.Where(s => s.BypassGateway))
        {
            foreach (var ns in service.Namespaces)
            {
                foreach (var rule in TlsOrigination.Build(service, ns, ValueList.Of(".")))
                {
                    yield return rule;
                }
            }
        }

        var destinations = GatewayDestination.Of(egress);
        foreach (var destination in destinations)
        {
            yield return GatewayRouting.ServiceEntry(gateway, destination);
            yield return GatewayRouting.Gateway(gateway, destination);
            yield return GatewayRouting.VirtualService(gateway, destination);
            if (GatewayRouting.Origination(gateway, destination) is { } origination)
            {
                yield return origination;
            }
        }

        if (destinations.Count > 0)
        {
            yield return GatewayRouting.GatewaySubsets(gateway, destinations);
        }

        // Rendered even with no destination: an ALLOW policy without rules denies everything.
        yield return GatewayAuthorization.Build(gateway, destinations);
    }

    public IReadOnlyList<NamespacePosture> Postures(EgressConfig egress)
    {
        ArgumentNullException.ThrowIfNull(egress);
        var missing = new List<string>();
        if (egress.OutboundTrafficPolicy == OutboundTrafficPolicy.AllowAny)
        {
            missing.Add("outboundTrafficPolicy REGISTRY_ONLY");
        }

        if (!egress.NetworkPolicy.Enabled)
        {
            missing.Add("a NetworkPolicy (networkPolicy.enabled), without which pods can go around the gateway");
        }

        var posture = egress.OutboundTrafficPolicy == OutboundTrafficPolicy.AllowAny ? EgressPosture.Observed
            : missing.Count == 0 ? EgressPosture.Enforced
            : EgressPosture.BestEffort;
        // A loop, not Order + Select: see EgressManifests.Sorted on LINQ's generic virtual calls at start-up.
        var postures = new List<NamespacePosture>(egress.Namespaces.Count);
        foreach (var ns in egress.Namespaces.Order(StringComparer.Ordinal))
        {
            postures.Add(new NamespacePosture(ns, posture, missing.ToValueList()));
        }

        return postures;
    }

    /// <summary>The gateway's pods (every port: the Service's target ports are the pods' business), then each bypass's exact addresses.</summary>
    private static IEnumerable<NetworkPolicyEgressRule> NamespaceRules(EgressConfig egress, string ns)
    {
        yield return new NetworkPolicyEgressRule(
            ValueList.Of(EgressNetworkPolicy.PodsIn(new PeerSelector(egress.Gateway.Namespace, egress.Gateway.Selector))),
            ValueList<NetworkPolicyPort>.Empty);
        // A loop, not Where + Select: see EgressManifests.Sorted on LINQ's generic virtual calls at start-up.
        var bypass = new List<NetworkPolicyEgressRule>();
        foreach (var s in egress.Services)
        {
            if (s.BypassGateway && s.Namespaces.Contains(ns, StringComparer.Ordinal) && DirectDestinations.AreExact(s))
            {
                bypass.Add(EgressNetworkPolicy.ToCidrs(DirectDestinations.Cidrs(s)!, DirectDestinations.Ports(s)));
            }
        }

        foreach (var rule in bypass.Distinct().OrderBy(EgressNetworkPolicy.SortKey, StringComparer.Ordinal))
        {
            yield return rule;
        }
    }
}
