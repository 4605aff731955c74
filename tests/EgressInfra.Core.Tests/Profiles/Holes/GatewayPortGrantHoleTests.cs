using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Tests.Profiles.Holes;

/// <summary>
/// A host split across services so that one namespace is granted one port and another namespace
/// another: the gateway's policy authorizes by host, so the rendered objects would let each namespace
/// reach both ports. The restrictive profile refuses it; one grant per host, or the same namespaces
/// on every port, passes.
/// </summary>
public sealed class GatewayPortGrantHoleTests
{
    private const string Gateway = "mode: gateway\nnetworkPolicy: { enabled: true }";

    [Fact]
    public void ASecondPortForAnotherNamespaceIsRefused()
    {
        var plan = PolicyStack.Check(
            services: PolicyStack.Stripe + "\n- name: stripe-connect\n  hosts: [api.stripe.com]\n  ports: [{ number: 8443, protocol: TLS }]\n  namespaces: [orders]\n  owner: team-orders\n  reason: Connect payouts.",
            extraEgress: Gateway);
        var payments = PolicyAssert.Finding(plan, PolicyCodes.GatewayGrantsPerPort.Code, "egress.services[0].namespaces");
        Assert.Contains("payments also reaches port 8443", payments.Message, StringComparison.Ordinal);
        var orders = PolicyAssert.Finding(plan, PolicyCodes.GatewayGrantsPerPort.Code, "egress.services[1].namespaces");
        Assert.Contains("orders also reaches port 443", orders.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSamePortForAnotherNamespaceWidensNothing()
    {
        var plan = PolicyStack.Check(
            services: PolicyStack.Stripe + "\n- name: stripe-orders\n  hosts: [api.stripe.com]\n  ports: [{ number: 443, protocol: TLS }]\n  namespaces: [orders]\n  owner: team-orders\n  reason: Refunds.",
            extraEgress: Gateway);
        PolicyAssert.NoFinding(plan, PolicyCodes.GatewayGrantsPerPort.Code);
    }

    [Fact]
    public void BothPortsForBothNamespacesWidenNothing()
    {
        var plan = PolicyStack.Check(
            services: "- name: stripe\n  hosts: [api.stripe.com]\n  ports: [{ number: 443, protocol: TLS }, { number: 8443, protocol: TLS }]\n  owner: team-payments\n  reason: Payments and payouts.",
            extraEgress: Gateway);
        PolicyAssert.NoFinding(plan, PolicyCodes.GatewayGrantsPerPort.Code);
    }

    [Fact]
    public void InSidecarModeEachNamespaceHasItsOwnEntry()
    {
        var plan = PolicyStack.Check(
            services: PolicyStack.Stripe + "\n- name: stripe-connect\n  hosts: [api.stripe.com]\n  ports: [{ number: 8443, protocol: TLS }]\n  namespaces: [orders]\n  owner: team-orders\n  reason: Connect payouts.");
        PolicyAssert.NoFinding(plan, PolicyCodes.GatewayGrantsPerPort.Code);
    }
}
