using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Posture;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Tests.Manifests.Modes;

/// <summary>What gateway mode renders from the model, per external destination, and what it refuses.</summary>
public class GatewayModeTests
{
    [Fact]
    public void ProdGatewayStack_IsCleanAndEveryNamespaceEnforced()
    {
        var plan = GatewayStacks.Evaluate(GatewayStacks.Prod);

        Assert.True(plan.Diagnostics.Count == 0, string.Join("\n", plan.Diagnostics));
        Assert.Equal(["orders", "payments", "shipping"], plan.Postures.Select(p => p.Namespace));
        Assert.All(plan.Postures, p => Assert.Equal((EgressPosture.Enforced, "enforced"), (p.Posture, p.Name)));
        Assert.All(plan.Postures, p => Assert.Empty(p.Missing));
    }

    [Fact]
    public void Render_HasANetworkPolicyPerGovernedNamespaceAndTheGatewayObjects()
    {
        var manifests = GatewayStacks.Evaluate(GatewayStacks.Prod).Manifests!;

        Assert.Equal(["orders", "payments", "shipping"], manifests.OfKind<NetworkPolicy>().Select(n => n.Metadata.Namespace));
        Assert.All(manifests.OfKind<NetworkPolicy>(), n => Assert.Equal(["Egress"], n.Spec.PolicyTypes));
        Assert.Equal(["api.partner.example", "api.stripe.com", "ledger-db.prod.internal"], manifests.OfKind<Gateway>().SelectMany(g => g.Spec.Servers.SelectMany(s => s.Hosts)).Select(h => h[2..]).Order(StringComparer.Ordinal));
        Assert.Equal(3, manifests.OfKind<VirtualService>().Count);
        Assert.Single(manifests.OfKind<AuthorizationPolicy>());
        Assert.Equal(2, manifests.OfKind<DestinationRule>().Count);
        Assert.All(manifests.Objects.Where(o => o is not NetworkPolicy && o.Metadata.Namespace == "istio-egress"), o => Assert.Equal("istio-egress", o.Metadata.Namespace));
    }

    [Fact]
    public void NothingIsExportedToEveryNamespace_EvenWhenAServiceExportsItsOwnEntryWidely()
    {
        // A permissive stack may export its own entries to "*"; what gateway mode adds never is.
        var text = GatewayStacks.With("environment: prod", "environment: dev").Replace("prod-eu-west-1", "dev-eu-west-1", StringComparison.Ordinal).Replace("namespaces: [payments]\n        owner: team-payments\n        reason: Card payments.", "namespaces: [payments]\n        exportTo: [\"*\"]", StringComparison.Ordinal);
        var manifests = GatewayStacks.Evaluate(text, "Pulumi.dev.yaml").Manifests!;

        var generated = manifests.Objects.Where(o => o.Metadata.Namespace == "istio-egress");
        foreach (var obj in generated)
        {
            Assert.DoesNotContain("\"*\"", global::EgressInfra.Core.Manifests.YamlWriter.Write(ManifestTree.ToTree(obj)), StringComparison.Ordinal);
        }

        var shipped = GatewayStacks.Evaluate(GatewayStacks.Prod).Manifests!;
        Assert.DoesNotContain("- \"*\"", global::EgressInfra.Core.Manifests.YamlWriter.RenderObjects(shipped.Objects), StringComparison.Ordinal);
    }

    [Fact]
    public void VirtualService_SendsTheMeshToTheGatewaySubsetAndTheGatewayToTheHost_ExportedOnlyToItsUsers()
    {
        var manifests = GatewayStacks.Evaluate(GatewayStacks.Prod).Manifests!;

        var stripe = manifests.OfKind<VirtualService>().Single(v => v.Metadata.Name == "stripe-api");
        Assert.Equal(["mesh", "istio-egress/stripe-api"], stripe.Spec.Gateways);
        Assert.Equal([".", "payments"], stripe.Spec.ExportTo);
        var meshRoute = Assert.Single(stripe.Spec.Tls);
        Assert.Equal(["api.stripe.com"], Assert.Single(meshRoute.Match).SniHosts);
        Assert.Equal(new Destination("istio-egressgateway.istio-egress.svc.cluster.local", "stripe-api", 443), Assert.Single(meshRoute.Route).Destination);
        var gatewayRoute = Assert.Single(stripe.Spec.Tcp);
        Assert.Equal(["istio-egress/stripe-api"], Assert.Single(gatewayRoute.Match).Gateways);
        Assert.Equal(new Destination("api.stripe.com", null, 443), Assert.Single(gatewayRoute.Route).Destination);

        var partner = manifests.OfKind<VirtualService>().Single(v => v.Metadata.Name == "partner-api");
        Assert.Equal([".", "orders", "shipping"], partner.Spec.ExportTo);
        Assert.Equal(2, partner.Spec.Http.Count);
        Assert.Empty(partner.Spec.Tls);
    }

    [Fact]
    public void DestinationRules_MutualTlsWithTheHostAsSniToTheGateway_SimpleTlsOutOfItForOrigination()
    {
        var manifests = GatewayStacks.Evaluate(GatewayStacks.Prod).Manifests!;

        var subsets = manifests.OfKind<DestinationRule>().Single(d => d.Metadata.Name == "istio-egressgateway");
        Assert.Equal("istio-egressgateway.istio-egress.svc.cluster.local", subsets.Spec.Host);
        Assert.Equal(["orders", "payments", "shipping"], subsets.Spec.ExportTo);
        Assert.All(subsets.Spec.Subsets, s => Assert.Equal("ISTIO_MUTUAL", s.TrafficPolicy!.Tls!.Mode));
        Assert.Equal(
            [("ledger-db", "ledger-db.prod.internal"), ("partner-api", "api.partner.example"), ("stripe-api", "api.stripe.com")],
            subsets.Spec.Subsets.Select(s => (s.Name, s.TrafficPolicy!.Tls!.Sni!)));

        var origination = manifests.OfKind<DestinationRule>().Single(d => d.Metadata.Name == "partner-api");
        Assert.Equal(("istio-egress", "api.partner.example", ".") , (origination.Metadata.Namespace, origination.Spec.Host, Assert.Single(origination.Spec.ExportTo)));
        var port = Assert.Single(origination.Spec.TrafficPolicy!.PortLevelSettings);
        Assert.Equal((80L, "SIMPLE", "api.partner.example"), (port.Port, port.Tls!.Mode, port.Tls.Sni));

        var gateway = manifests.OfKind<Gateway>().Single(g => g.Metadata.Name == "partner-api");
        var server = Assert.Single(gateway.Spec.Servers);
        Assert.Equal(("HTTPS", "ISTIO_MUTUAL", 80L), (server.Port.Protocol, server.Tls!.Mode, server.Port.Number));

        // The consumers' own entry still sends HTTP on 80 and names the destination's port 443.
        var entry = manifests.ServiceEntries.Single(e => e.Metadata.Namespace == "orders" && e.Metadata.Name == "partner-api");
        Assert.Equal(new ServicePort(80, "HTTP", "http-80", 443), Assert.Single(entry.Spec.Ports));
    }

    [Fact]
    public void AuthorizationPolicy_AllowsPerDestinationOnlyTheGrantedNamespaces()
    {
        var manifests = GatewayStacks.Evaluate(GatewayStacks.Prod).Manifests!;

        var policy = Assert.Single(manifests.OfKind<AuthorizationPolicy>());
        Assert.Equal(("ALLOW", "egressgateway"), (policy.Spec.Action, policy.Spec.Selector!.MatchLabels["istio"]));
        Assert.All(policy.Spec.Rules, r => Assert.Equal("connection.sni", Assert.Single(r.When).Key));
        Assert.Equal(2, policy.Spec.Rules.Count);
        var payments = Assert.Single(policy.Spec.Rules, r => Assert.Single(r.From).Namespaces.SequenceEqual(["payments"]));
        Assert.Equal(["api.stripe.com", "ledger-db.prod.internal"], Assert.Single(payments.When).Values);
        Assert.Empty(payments.To);
        var partner = Assert.Single(policy.Spec.Rules, r => Assert.Single(r.From).Namespaces.SequenceEqual(["orders", "shipping"]));
        Assert.Equal(["api.partner.example"], Assert.Single(partner.When).Values);
        Assert.Equal(["api.partner.example", "api.partner.example:80"], Assert.Single(partner.To).Hosts);

        // No rule pairs a namespace with a host it was not granted.
        foreach (var rule in policy.Spec.Rules)
        {
            foreach (var ns in rule.From.SelectMany(f => f.Namespaces))
            {
                foreach (var host in rule.When.SelectMany(w => w.Values))
                {
                    Assert.Contains(ns, manifests.ServiceEntries.Where(e => e.Spec.Hosts.Contains(host)).Select(e => e.Metadata.Namespace));
                }
            }
        }
    }

    [Fact]
    public void NetworkPolicy_AllowsDnsIstiodImportsAndTheGatewayPodsOnly()
    {
        var manifests = GatewayStacks.Evaluate(GatewayStacks.Prod).Manifests!;

        var policy = manifests.OfKind<NetworkPolicy>().Single(n => n.Metadata.Namespace == "payments");
        Assert.Equal(LabelSelector.All, policy.Spec.PodSelector);
        var peers = policy.Spec.Egress.SelectMany(r => r.To).ToList();
        Assert.DoesNotContain(peers, p => p.IpBlock is not null);
        Assert.Contains(policy.Spec.Egress, r => r.Ports.SequenceEqual([new NetworkPolicyPort("UDP", 53), new NetworkPolicyPort("TCP", 53)]));
        Assert.Contains(policy.Spec.Egress, r => r.Ports.SequenceEqual([new NetworkPolicyPort("TCP", 15012)]) && r.To[0].PodSelector!.MatchLabels["app"] == "istiod");
        Assert.Contains(peers, p => p.NamespaceSelector?.MatchLabels.GetValueOrDefault("kubernetes.io/metadata.name") == "istio-egress" && p.PodSelector!.MatchLabels["istio"] == "egressgateway");

        // The gateway's namespace is reached only at its gateway pods, not as a whole.
        Assert.DoesNotContain(peers, p => p.PodSelector is null && p.NamespaceSelector?.MatchLabels.GetValueOrDefault("kubernetes.io/metadata.name") == "istio-egress");
    }

    [Fact]
    public void Sidecar_ImportsTheGatewayNamespace()
    {
        var manifests = GatewayStacks.Evaluate(GatewayStacks.Prod).Manifests!;

        Assert.All(manifests.Sidecars, s => Assert.Equal(["./*", "istio-egress/*", "istio-system/*"], s.Spec.EgressHosts));
    }

    [Fact]
    public void Render_DoesNotDependOnTheOrderOfTheConfig()
    {
        var reordered = GatewayStacks.With("namespaces: [payments, orders, shipping]", "namespaces: [shipping, payments, orders]")
            .Replace("namespaces: [orders, shipping]", "namespaces: [shipping, orders]", StringComparison.Ordinal);

        var a = global::EgressInfra.Core.Manifests.YamlWriter.RenderObjects(GatewayStacks.Evaluate(GatewayStacks.Prod).Manifests!.Objects);
        var b = global::EgressInfra.Core.Manifests.YamlWriter.RenderObjects(GatewayStacks.Evaluate(reordered).Manifests!.Objects);

        Assert.Equal(a, b);
    }

    [Fact]
    public void SidecarModeProd_IsBestEffortAndTheRuleNamesWhatIsMissing()
    {
        var plan = GatewayStacks.Evaluate(GatewayStacks.With("mode: gateway", "mode: sidecar"));

        Assert.All(plan.Postures, p => Assert.Equal("best-effort", p.Name));
        var warnings = plan.Diagnostics.Where(d => d.Code == PolicyCodes.EnforcedEgress.Code).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.All(warnings, w =>
        {
            Assert.Equal(Severity.Warning, w.Severity);
            Assert.Contains("best-effort", w.Message, StringComparison.Ordinal);
            Assert.Contains("egress gateway", w.Message, StringComparison.Ordinal);
        });
        Assert.Empty(plan.Manifests!.OfKind<Gateway>());
    }

    [Theory]
    [InlineData("outboundTrafficPolicy: ALLOW_ANY", "observed")]
    [InlineData("networkPolicy: {enabled: false}", "best-effort")]
    public void GatewayMode_WithoutItsFence_IsNotEnforced(string extra, string expected)
    {
        var plan = GatewayStacks.Evaluate(GatewayStacks.With("mode: gateway", "mode: gateway\n    " + extra));

        Assert.All(plan.Postures, p => Assert.Equal(expected, p.Name));
        Assert.Contains(plan.Diagnostics, d => d.Code == PolicyCodes.EnforcedEgress.Code);
    }
}
