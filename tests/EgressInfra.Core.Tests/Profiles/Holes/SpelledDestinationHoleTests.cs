using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Tests.Profiles.Holes;

/// <summary>
/// Production stacks that spell a forbidden destination so that it looks allowed: the unspecified
/// address (which Istio turns into a listener or filter chain with no address match) and port numbers
/// that Pulumi's reader (Go yaml.v3) reads as another number than the one written.
/// </summary>
public sealed class SpelledDestinationHoleTests
{
    [Theory]
    [InlineData("0.0.0.0", "NONE")]
    [InlineData("0.0.0.0/32", "NONE")]
    [InlineData("0.0.0.0/24", "NONE")]
    [InlineData("\"::\"", "NONE")]
    [InlineData("\"::%eth0\"", "NONE")]
    [InlineData("0.0.0.0", "DNS")]
    public void TheUnspecifiedAddressIsACatchAll(string address, string resolution)
    {
        var plan = PolicyStack.Check(services: PolicyStack.Stripe + $"\n- name: db\n  hosts: [db.example.internal]\n  addresses: [{address}]\n  ports: [{{ number: 5432, protocol: TCP }}]\n  resolution: {resolution}\n  owner: team-orders\n  reason: Orders.");
        PolicyAssert.Finding(plan, PolicyCodes.NoCatchAllAddresses.Code, "egress.services[1].addresses[0]");
    }

    [Theory]
    [InlineData("0.0.0.1")]
    [InlineData("\"2001:db8::/120\"")]
    [InlineData("\"2001:db8::\"")]
    public void RangesNearTheUnspecifiedAddressAreNotCatchAlls(string address)
    {
        var plan = PolicyStack.Check(services: PolicyStack.Stripe + $"\n- name: db\n  hosts: [db.example.internal]\n  addresses: [{address}]\n  ports: [{{ number: 5432, protocol: TCP }}]\n  resolution: NONE\n  owner: team-orders\n  reason: Orders.");
        PolicyAssert.NoFinding(plan, PolicyCodes.NoCatchAllAddresses.Code);
    }

    [Fact]
    public void AWaiverCannotLiftTheUnspecifiedAddress()
    {
        var plan = PolicyStack.Check(
            services: "- name: db\n  hosts: [db.example.internal]\n  addresses: [0.0.0.0/32]\n  ports: [{ number: 5432, protocol: TCP }]\n  resolution: NONE\n  owner: team-orders\n  reason: Orders.",
            policy: "waivers:\n  - { rule: no-catch-all-addresses, service: db, reason: TICKET-1, expires: 2026-12-31 }");
        PolicyAssert.Finding(plan, PolicyCodes.WaiversOpenCatchAll.Code, "policy.waivers[0]");
    }

    [Theory]
    [InlineData("0120")]
    [InlineData("0o120")]
    [InlineData("0x50")]
    [InlineData("0b1010000")]
    [InlineData("8_0")]
    [InlineData("+80")]
    public void PortEightySpelledAnotherWayIsStillCleartext(string number)
    {
        var plan = PolicyStack.Check(services: PolicyStack.Stripe + $"\n- name: web\n  hosts: [api.partner.com]\n  ports: [{{ number: {number}, protocol: TCP }}]\n  owner: team-orders\n  reason: Partner.");
        PolicyAssert.Finding(plan, PolicyCodes.NoCleartextHttp.Code, "egress.services[1].ports[0].protocol");
    }
}
