using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;

namespace EgressInfra.Core.Tests.Manifests.Modes;

/// <summary>
/// Attempts to get traffic past the gateway or its policy through the config: destinations the gateway
/// cannot carry, bypasses without exact addresses, a gateway inside a governed namespace, names that
/// collide, a host granted twice. Each is refused or reported, and nothing is rendered for an error.
/// </summary>
public class GatewayModeRefusalTests
{
    [Theory]
    [InlineData("hosts: [api.stripe.com]", "hosts: [\"*.stripe.com\"]", "egress.services[0].hosts[0]")]
    [InlineData("{number: 443, protocol: TLS}", "{number: 443, protocol: UDP}", "egress.services[0].ports[0].protocol")]
    [InlineData("addresses: [10.42.9.20/32]", "addresses: [10.42.9.0/24]", "egress.services[2].resolution")]
    [InlineData("addresses: [10.42.9.20/32]\n        ports", "ports", "egress.services[2].resolution")]
    public void DestinationsTheGatewayCannotCarry_AreErrors(string from, string to, string path)
    {
        var plan = GatewayStacks.Evaluate(GatewayStacks.With(from, to));

        Assert.Contains(plan.Errors, d => d.Code == EnforcementCodes.CannotRouteThroughGateway.Code && d.Path == path);
        Assert.Null(plan.Manifests);
    }

    [Fact]
    public void MeshInternalService_IsNotRoutedThroughTheGateway()
    {
        var plan = GatewayStacks.Evaluate(GatewayStacks.WithService("""
            - name: vm-billing
              hosts: [billing.vm.internal]
              addresses: [10.50.0.7]
              location: MESH_INTERNAL
              ports: [{number: 8443, protocol: TLS}]
              resolution: STATIC
              endpoints: [{address: 10.50.0.7}]
              namespaces: [payments]
              owner: team-payments
              reason: Billing VM.
            """));

        Assert.Contains(plan.Errors, d => d.Code == EnforcementCodes.CannotRouteThroughGateway.Code && d.Path == "egress.services[3].location");
    }

    [Theory]
    [InlineData("addresses: [203.0.113.0/24]\nresolution: NONE")]
    [InlineData("resolution: DNS")]
    [InlineData("")]
    public void BypassWithoutExactAddresses_IsAnError(string addressing)
    {
        var service = $$"""
            - name: legacy-sftp
              hosts: [sftp.partner.example]
              {{addressing.Replace("\n", "\n  ", StringComparison.Ordinal)}}
              ports: [{number: 22, protocol: TCP}]
              bypassGateway: true
              namespaces: [orders]
              owner: team-orders
              reason: Partner file drop.
            """;

        var plan = GatewayStacks.Evaluate(GatewayStacks.WithService(service));

        Assert.Contains(plan.Errors, d => d.Code == EnforcementCodes.BypassNeedsAddresses.Code && d.Path == "egress.services[3].bypassGateway");
        Assert.Null(plan.Manifests);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("\"true\"")]
    public void BypassWithExactAddresses_OpensOnlyThoseAddressesAndPorts_AndIsAFinding(string flag)
    {
        var plan = GatewayStacks.Evaluate(GatewayStacks.WithService($$"""
            - name: legacy-sftp
              hosts: [sftp.partner.example]
              addresses: [203.0.113.7]
              resolution: NONE
              ports: [{number: 22, protocol: TCP}]
              bypassGateway: {{flag}}
              namespaces: [orders]
              owner: team-orders
              reason: Partner file drop.
            """));

        Assert.False(plan.HasErrors, string.Join("\n", plan.Diagnostics));
        var finding = Assert.Single(plan.Diagnostics);
        Assert.Equal((PolicyCodes.GatewayBypass.Code, Severity.Warning, "egress.services[3].bypassGateway"), (finding.Code, finding.Severity, finding.Path));
        var manifests = plan.Manifests!;
        var orders = manifests.OfKind<NetworkPolicy>().Single(n => n.Metadata.Namespace == "orders");
        var direct = Assert.Single(orders.Spec.Egress, r => r.To.Any(p => p.IpBlock is not null));
        Assert.Equal(["203.0.113.7/32"], direct.To.Select(p => p.IpBlock!.Cidr));
        Assert.Equal([new NetworkPolicyPort("TCP", 22)], direct.Ports);
        Assert.DoesNotContain(manifests.OfKind<NetworkPolicy>().Single(n => n.Metadata.Namespace == "payments").Spec.Egress, r => r.To.Any(p => p.IpBlock is not null));
        Assert.DoesNotContain(manifests.Objects, o => o.Metadata.Namespace == "istio-egress" && o.Metadata.Name == "legacy-sftp");
        Assert.All(plan.Postures, p => Assert.Equal("enforced", p.Name));
    }

    [Fact]
    public void GatewayInAGovernedNamespace_IsAnError()
    {
        var plan = GatewayStacks.Evaluate(GatewayStacks.With("mode: gateway", "mode: gateway\n    gateway: {namespace: payments}"));

        Assert.Contains(plan.Errors, d => d.Code == EnforcementCodes.GatewayNamespaceGoverned.Code && d.Path == "egress.gateway.namespace");
    }

    [Fact]
    public void ServiceNamedLikeTheGatewaysOwnObjects_IsAnError()
    {
        var plan = GatewayStacks.Evaluate(GatewayStacks.With("name: stripe-api", "name: istio-egressgateway"));

        Assert.Contains(plan.Errors, d => d.Code == EnforcementCodes.ReservedObjectName.Code && d.Path == "egress.services[0].name");
    }

    // Two services that list one host share its gateway objects; the gateway cannot grant one port of
    // a host to some namespaces and another port to others, and says so: a warning of the mode, and an
    // error of the restrictive profile (gateway-grants-per-port), so the dev variant is the one rendered.
    [Fact]
    public void OneHostGrantedToDifferentNamespacesOnDifferentPorts_IsReported_AndRoutedOnce()
    {
        var text = GatewayStacks.WithService("""
            - name: stripe-files
              hosts: [api.stripe.com]
              ports: [{number: 8443, protocol: TLS}]
              namespaces: [orders]
              owner: team-orders
              reason: Statement downloads.
            """);
        var prod = GatewayStacks.Evaluate(text);
        Assert.Contains(prod.Errors, d => d.Code == PolicyCodes.GatewayGrantsPerPort.Code && d.Path == "egress.services[3].namespaces");
        var plan = GatewayStacks.Evaluate(text.Replace("environment: prod", "environment: dev", StringComparison.Ordinal).Replace("prod-eu-west-1", "dev-eu-west-1", StringComparison.Ordinal), "Pulumi.dev.yaml");

        var finding = Assert.Single(plan.Diagnostics, d => d.Code == EnforcementCodes.GatewayAuthorizesPerHost.Code);
        Assert.Equal(("egress.services[3].namespaces", Severity.Warning), (finding.Path, finding.Severity));
        var manifests = plan.Manifests!;
        var gateway = Assert.Single(manifests.OfKind<Gateway>(), g => g.Spec.Servers.Any(s => s.Hosts.Contains("./api.stripe.com")));
        Assert.Equal([443L, 8443L], gateway.Spec.Servers.Select(s => s.Port.Number));
        Assert.Single(manifests.OfKind<VirtualService>(), v => v.Spec.Hosts.Contains("api.stripe.com"));
        Assert.Single(manifests.ServiceEntries, e => e.Metadata.Namespace == "istio-egress" && e.Spec.Hosts.Contains("api.stripe.com"));
    }

    [Fact]
    public void ResolutionNoneWithAnExactAddress_BecomesStaticAtTheGateway()
    {
        var manifests = GatewayStacks.Evaluate(GatewayStacks.Prod).Manifests!;

        var atGateway = manifests.ServiceEntries.Single(e => e.Metadata.Namespace == "istio-egress" && e.Metadata.Name == "ledger-db");
        Assert.Equal("STATIC", atGateway.Spec.Resolution);
        Assert.Equal(["10.42.9.20"], atGateway.Spec.Endpoints.Select(e => e.Address));
        Assert.Equal(["."], atGateway.Spec.ExportTo);
        var inPayments = manifests.ServiceEntries.Single(e => e.Metadata.Namespace == "payments" && e.Metadata.Name == "ledger-db");
        Assert.Equal("NONE", inPayments.Spec.Resolution);
    }

    [Fact]
    public void BypassInSidecarMode_HasNoEffectAndSaysSo()
    {
        var plan = GatewayStacks.Evaluate(GatewayStacks.With("mode: gateway", "mode: sidecar").Replace("reason: The ledger.", "reason: The ledger.\n        bypassGateway: true", StringComparison.Ordinal));

        Assert.Contains(plan.Diagnostics, d => d.Code == EnforcementCodes.SettingWithoutEffect.Code && d.Path == "egress.services[2].bypassGateway");
    }
}
