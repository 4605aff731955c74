using EgressInfra.Core.Manifests;
using EgressInfra.Core.Manifests.Modes.Ambient;
using EgressInfra.Core.Posture;

namespace EgressInfra.Core.Tests.Manifests.Modes;

public class AmbientModeBuilderTests
{
    private static EgressManifests Render(string services = AmbientFixture.Stripe + "\n" + AmbientFixture.Rates, string ambient = "") =>
        AmbientFixture.Clean(services, ambient).Manifests!;

    [Fact]
    public void RendersNoSidecar_AndEveryEntryInTheEgressNamespace_BoundToTheWaypoint()
    {
        var manifests = Render();

        Assert.Empty(manifests.Sidecars);
        Assert.Equal(["fx-rates", "stripe-api"], manifests.ServiceEntries.Select(e => e.Metadata.Name));
        Assert.All(manifests.ServiceEntries, e =>
        {
            Assert.Equal("istio-egress", e.Metadata.Namespace);
            Assert.Equal("waypoint", e.Metadata.Labels[AmbientNames.UseWaypoint]);
            Assert.False(e.Metadata.Labels.ContainsKey(AmbientNames.UseWaypointNamespace));
            Assert.Equal(["."], e.Spec.ExportTo);
        });
    }

    [Fact]
    public void RendersTheWaypointAsIstioctlWritesIt()
    {
        var gateway = Assert.Single(Render().OfKind<WaypointGateway>());

        Assert.Equal("gateway.networking.k8s.io/v1", gateway.ApiVersion);
        Assert.Equal("Gateway", gateway.Kind);
        Assert.Equal(("istio-egress", "waypoint"), (gateway.Metadata.Namespace, gateway.Metadata.Name));
        Assert.Equal("istio-waypoint", gateway.Spec.GatewayClassName);
        Assert.Equal("service", gateway.Metadata.Labels[AmbientNames.WaypointFor]);
        var listener = Assert.Single(gateway.Spec.Listeners);
        Assert.Equal(new GatewayListener("mesh", 15008, "HBONE"), listener);
    }

    [Fact]
    public void EachEntry_HasAnAllowPolicyTargetingIt_ForItsNamespacesOnly()
    {
        var manifests = Render();
        var policies = manifests.OfKind<AuthorizationPolicy>().Where(p => p.Spec.Action == "ALLOW").ToList();

        foreach (var entry in manifests.ServiceEntries)
        {
            var policy = Assert.Single(policies, p => p.Spec.TargetRefs.Any(t => t.Kind == "ServiceEntry" && t.Name == entry.Metadata.Name));
            Assert.Equal(entry.Metadata.Namespace, policy.Metadata.Namespace);
            Assert.Equal("networking.istio.io", Assert.Single(policy.Spec.TargetRefs).Group);
            Assert.Null(policy.Spec.Selector);
        }

        var stripe = policies.Single(p => p.Metadata.Name == "stripe-api");
        var rule = Assert.Single(stripe.Spec.Rules);
        Assert.Equal(["payments"], Assert.Single(rule.From).Namespaces);
        var operation = Assert.Single(rule.To);
        Assert.Empty(operation.Hosts);
        Assert.Equal(["443"], operation.Ports);
    }

    [Fact]
    public void HttpPorts_GetL7Rules_WithTheHostInBothSpellingsOfTheHostHeader()
    {
        var rates = Render().OfKind<AuthorizationPolicy>().Single(p => p.Metadata.Name == "fx-rates");

        var rule = Assert.Single(rates.Spec.Rules);
        Assert.Equal(["orders", "payments"], Assert.Single(rule.From).Namespaces);
        var operation = Assert.Single(rule.To);
        Assert.Equal(["rates.fx.example.com", "rates.fx.example.com:80"], operation.Hosts);
        Assert.Equal(["80"], operation.Ports);
    }

    [Fact]
    public void MixedPorts_KeepHttpOnlyFieldsOffTheTcpRule()
    {
        // Istio drops a rule with HTTP-only fields on a TCP chain; under ALLOW that would deny the TLS port.
        const string mixed = """
            - name: partner
              hosts: [api.partner.example]
              ports: [{number: 8080, protocol: HTTP, targetPort: 443, originateTls: true}, {number: 443, protocol: TLS}]
              resolution: DNS
              namespaces: [orders]
              owner: o
              reason: r
            """;
        var policy = Render(mixed).OfKind<AuthorizationPolicy>().Single(p => p.Metadata.Name == "partner");

        Assert.Equal(2, policy.Spec.Rules.Count);
        var http = policy.Spec.Rules.Single(r => r.To[0].Hosts.Count > 0);
        Assert.Equal(["8080"], http.To[0].Ports);
        Assert.Equal(["api.partner.example", "api.partner.example:8080"], http.To[0].Hosts);
        var tcp = policy.Spec.Rules.Single(r => r.To[0].Hosts.Count == 0);
        Assert.Equal(["443"], tcp.To[0].Ports);
        Assert.Empty(tcp.To[0].Methods);
        Assert.Empty(tcp.To[0].Paths);
    }

    [Fact]
    public void TheWaypointPolicy_DeniesEverySourceOutsideTheGovernedNamespaces_AndAllowsNothing()
    {
        var sources = Render().OfKind<AuthorizationPolicy>().Single(p => p.Metadata.Name == "waypoint-sources");

        // A waypoint-wide ALLOW would be OR-ed with the per-entry ones and undo them: it must be a DENY.
        Assert.Equal("DENY", sources.Spec.Action);
        var target = Assert.Single(sources.Spec.TargetRefs);
        Assert.Equal(("gateway.networking.k8s.io", "Gateway", "waypoint"), (target.Group, target.Kind, target.Name));
        var source = Assert.Single(Assert.Single(sources.Spec.Rules).From);
        Assert.Equal(["orders", "payments"], source.NotNamespaces);
        Assert.Empty(source.Namespaces);
    }

    [Fact]
    public void OriginateTls_IsADestinationRuleInTheEgressNamespace()
    {
        var rule = Assert.Single(Render().OfKind<DestinationRule>());

        Assert.Equal(("istio-egress", "fx-rates"), (rule.Metadata.Namespace, rule.Metadata.Name));
        Assert.Equal("rates.fx.example.com", rule.Spec.Host);
    }

    [Fact]
    public void EachGovernedNamespace_GetsANetworkPolicy_OpeningOnlyTheWaypointOnHbone_BesidesDnsAndIstiod()
    {
        var policies = Render().OfKind<NetworkPolicy>();

        Assert.Equal(["orders", "payments"], policies.Select(p => p.Metadata.Namespace));
        foreach (var policy in policies)
        {
            Assert.Equal(["Egress"], policy.Spec.PolicyTypes);
            Assert.DoesNotContain(policy.Spec.Egress, r => r.To.Any(p => p.IpBlock is not null));
            var waypoint = Assert.Single(policy.Spec.Egress, r => r.To.Any(p => p.PodSelector?.MatchLabels.ContainsKey(AmbientNames.GatewayNameLabel) == true));
            Assert.Equal([new NetworkPolicyPort("TCP", 15008)], waypoint.Ports);
            Assert.Equal("istio-egress", waypoint.To[0].NamespaceSelector!.MatchLabels["kubernetes.io/metadata.name"]);
        }
    }

    [Fact]
    public void InstalledElsewhere_TheWaypointIsNotRendered_ButStillBoundAndFenced()
    {
        var manifests = Render(ambient: "ambient: {installWaypoint: false, waypoint: shared}\n");

        Assert.Empty(manifests.OfKind<WaypointGateway>());
        Assert.All(manifests.ServiceEntries, e => Assert.Equal("shared", e.Metadata.Labels[AmbientNames.UseWaypoint]));
        Assert.Contains(manifests.OfKind<AuthorizationPolicy>(), p => p.Metadata.Name == "shared-sources");
    }

    [Fact]
    public void CrossNamespaceWaypoint_LabelsTheNamespace_AndItsListenerAdmitsOnlyTheEgressNamespace()
    {
        var plan = AmbientFixture.Clean(AmbientFixture.Stripe, "ambient: {namespace: egress, waypointNamespace: mesh-waypoints}\n");
        var manifests = plan.Manifests!;

        var entry = Assert.Single(manifests.ServiceEntries);
        Assert.Equal("egress", entry.Metadata.Namespace);
        Assert.Equal("mesh-waypoints", entry.Metadata.Labels[AmbientNames.UseWaypointNamespace]);
        var listener = Assert.Single(Assert.Single(manifests.OfKind<WaypointGateway>()).Spec.Listeners);
        Assert.Equal("Selector", listener.AllowedFrom);
        Assert.Equal("egress", listener.AllowedSelector!.MatchLabels["kubernetes.io/metadata.name"]);
        Assert.Contains(plan.Diagnostics, d => d.Code == "EGR072");
    }

    [Fact]
    public void Posture_IsEnforcedWithTheNetworkPolicy_ObservedWithout()
    {
        var enforced = AmbientFixture.Clean(AmbientFixture.Stripe);
        var open = AmbientFixture.Evaluate(AmbientFixture.Stripe, extra: "networkPolicy: {enabled: false}\n");

        Assert.All(enforced.Postures, p => Assert.Equal(EgressPosture.Enforced, p.Posture));
        Assert.Equal(["orders", "payments"], enforced.Postures.Select(p => p.Namespace));
        Assert.All(open.Postures, p =>
        {
            Assert.Equal(EgressPosture.Observed, p.Posture);
            Assert.Contains("NetworkPolicy", Assert.Single(p.Missing), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void TheNetworkPolicy_DefaultsOn_EvenUnderThePermissiveProfile()
    {
        var dev = AmbientFixture.Clean(AmbientFixture.Stripe, environment: "dev");

        Assert.True(dev.Config!.Egress.NetworkPolicy.Enabled);
        Assert.All(dev.Postures, p => Assert.Equal(EgressPosture.Enforced, p.Posture));
    }

    [Fact]
    public void Rendering_IsIndependentOfConfigOrder()
    {
        var a = Render(AmbientFixture.Stripe + "\n" + AmbientFixture.Rates);
        var b = Render(AmbientFixture.Rates + "\n" + AmbientFixture.Stripe);

        Assert.Equal(YamlWriter.RenderObjects(a.All), YamlWriter.RenderObjects(b.All));
    }
}
