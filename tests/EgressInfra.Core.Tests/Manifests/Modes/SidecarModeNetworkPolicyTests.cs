using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;

namespace EgressInfra.Core.Tests.Manifests.Modes;

/// <summary>Sidecar mode with networkPolicy.enabled: the declared ports, and addresses where they can be known.</summary>
public class SidecarModeNetworkPolicyTests
{
    private static readonly string SidecarProd = GatewayStacks.With("mode: gateway", "mode: sidecar");

    [Fact]
    public void KnownAddresses_AreAllowedExactly_AndDnsHostsByPortOnly_WithAnHonestNote()
    {
        var plan = GatewayStacks.Evaluate(SidecarProd);

        var payments = plan.Manifests!.OfKind<NetworkPolicy>().Single(n => n.Metadata.Namespace == "payments");
        var direct = payments.Spec.Egress.Where(r => r.To.Any(p => p.IpBlock is not null)).ToList();
        Assert.Contains(direct, r => r.To.Select(p => p.IpBlock!.Cidr).SequenceEqual(["10.42.9.20/32"]) && r.Ports.SequenceEqual([new NetworkPolicyPort("TCP", 5432)]));
        Assert.Contains(direct, r => r.To.Select(p => p.IpBlock!.Cidr).SequenceEqual(["0.0.0.0/0", "::/0"]) && r.Ports.SequenceEqual([new NetworkPolicyPort("TCP", 443)]));

        // The origination port leaves on its target port.
        var orders = plan.Manifests.OfKind<NetworkPolicy>().Single(n => n.Metadata.Namespace == "orders");
        Assert.Contains(orders.Spec.Egress, r => r.Ports.SequenceEqual([new NetworkPolicyPort("TCP", 443)]));
        Assert.DoesNotContain(orders.Spec.Egress, r => r.Ports.Contains(new NetworkPolicyPort("TCP", 5432)));

        var notes = plan.Diagnostics.Where(d => d.Code == EnforcementCodes.NetworkPolicyCannotNameHosts.Code).ToList();
        Assert.Equal(["egress.services[0].hosts", "egress.services[1].hosts"], notes.Select(n => n.Path));
        Assert.All(notes, n => Assert.Equal(Severity.Info, n.Severity));
    }

    [Fact]
    public void OriginateTls_InSidecarMode_IsADestinationRuleBesideItsUsers()
    {
        var manifests = GatewayStacks.Evaluate(SidecarProd).Manifests!;

        var rules = manifests.OfKind<DestinationRule>();
        Assert.Equal(["orders", "shipping"], rules.Select(r => r.Metadata.Namespace));
        Assert.All(rules, r =>
        {
            Assert.Equal(("api.partner.example", "."), (r.Spec.Host, Assert.Single(r.Spec.ExportTo)));
            var port = Assert.Single(r.Spec.TrafficPolicy!.PortLevelSettings);
            Assert.Equal((80L, "SIMPLE", "api.partner.example"), (port.Port, port.Tls!.Mode, port.Tls.Sni));
        });
    }

    [Fact]
    public void NetworkPolicyOff_RendersNone()
    {
        var manifests = GatewayStacks.Evaluate(SidecarProd.Replace("mode: sidecar", "mode: sidecar\n    networkPolicy: {enabled: false}", StringComparison.Ordinal)).Manifests!;

        Assert.Empty(manifests.OfKind<NetworkPolicy>());
    }
}
