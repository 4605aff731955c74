using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Tests.Profiles.Holes;

/// <summary>Waivers that, alone or together, would leave a production stack with a catch-all; and waivers that run too long.</summary>
public sealed class WaiverHoleTests
{
    private const string OpenTcp = """
        - name: any-db
          hosts: [db.example.internal]
          ports: [{ number: 5432, protocol: TCP }]
          resolution: NONE
          owner: team-orders
          reason: Order database.
        """;

    private const string CatchAll = """
        - name: any-db
          hosts: [db.example.internal]
          addresses: [0.0.0.0/1, 128.0.0.0/1]
          ports: [{ number: 5432, protocol: TCP }]
          resolution: NONE
          owner: team-orders
          reason: Order database.
        """;

    [Fact]
    public void OneWaiverThatOpensAPortIsRefused()
    {
        var plan = PolicyStack.Check(
            services: OpenTcp,
            policy: "waivers:\n  - { rule: no-open-ports, service: any-db, reason: TICKET-1, expires: 2026-12-31 }");
        PolicyAssert.Finding(plan, PolicyCodes.WaiversOpenCatchAll.Code, "policy.waivers[0]");
    }

    [Fact]
    public void WaiversThatTogetherMakeACatchAllAreAllRefused()
    {
        var plan = PolicyStack.Check(
            services: CatchAll,
            policy: "waivers:\n  - { rule: no-catch-all-addresses, service: any-db, reason: TICKET-1, expires: 2026-12-31 }\n  - { rule: address-prefix-limit, service: any-db, reason: TICKET-2, expires: 2026-12-31 }");
        PolicyAssert.Finding(plan, PolicyCodes.WaiversOpenCatchAll.Code, "policy.waivers[0]");
        PolicyAssert.Finding(plan, PolicyCodes.WaiversOpenCatchAll.Code, "policy.waivers[1]");
    }

    [Fact]
    public void AWaiverThatLeavesNoCatchAllIsOnlyLoud()
    {
        var plan = PolicyStack.Check(
            services: "- name: partner\n  hosts: [\"*.partner.com\"]\n  addresses: [203.0.113.7]\n  ports: [{ number: 443, protocol: TLS }]\n  resolution: NONE\n  owner: team-orders\n  reason: Partner API.",
            policy: "waivers:\n  - { rule: no-wildcard-hosts, service: partner, reason: TICKET-42, expires: 2026-12-31 }");
        PolicyAssert.NoFinding(plan, PolicyCodes.WaiversOpenCatchAll.Code);
        Assert.False(plan.Diagnostics.Any(d => d.IsError), plan.Dump());
    }

    [Theory]
    [InlineData("2027-02-21", false)]
    [InlineData("2027-02-22", false)]
    [InlineData("2027-02-23", true)]
    [InlineData("2099-12-31", true)]
    public void WaiversLongerThanMaxWaiverDaysAreErrors(string expires, bool tooLong)
    {
        // Today is 2026-11-24: 90 days later, 2027-02-22, is the last day a waiver may run to.
        var plan = PolicyStack.Check(
            services: PolicyStack.Stripe + "\n- name: partner\n  hosts: [\"*.partner.com\"]\n  addresses: [203.0.113.7]\n  ports: [{ number: 443, protocol: TLS }]\n  resolution: NONE\n  owner: team-orders\n  reason: Partner API.",
            policy: $"waivers:\n  - {{ rule: no-wildcard-hosts, service: partner, reason: TICKET-42, expires: {expires} }}");
        Assert.Equal(tooLong, plan.WithCode(PolicyCodes.WaiverTooLong.Code).Count == 1);
        if (tooLong)
        {
            PolicyAssert.Finding(plan, PolicyCodes.WaiverTooLong.Code, "policy.waivers[0].expires");
        }
    }

    [Fact]
    public void PermissiveDevHasNoWaiverLimit()
    {
        var plan = PolicyStack.Check(
            environment: "dev",
            services: "- name: partner\n  hosts: [\"*.partner.com\"]\n  ports: [{ number: 443, protocol: TLS }]\n  owner: team-orders\n  reason: Partner API.",
            policy: "waivers:\n  - { rule: no-wildcard-hosts, service: partner, reason: TICKET-42, expires: 2099-12-31 }");
        PolicyAssert.NoFinding(plan, PolicyCodes.WaiverTooLong.Code);
    }
}
