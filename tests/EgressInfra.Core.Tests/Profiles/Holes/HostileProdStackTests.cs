using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Tests.Profiles.Holes;

/// <summary>
/// Production stacks that try to open a door the restrictive profile forbids, each as an attacker
/// would write it: every one must fail with the rule's code at the config path of the field at fault.
/// The service under test is always egress.services[1], after a compliant stripe-api.
/// </summary>
public sealed class HostileProdStackTests
{
    private const string Owned = "\n  owner: team-orders\n  reason: Order processing.";

    public static TheoryData<string, string, string, string> Holes => new()
    {
        // An open port: NONE without addresses on any opaque protocol.
        { "tcp none", "hosts: [db.example.internal]\n  ports: [{ number: 5432, protocol: TCP }]\n  resolution: NONE", "EGR312", "resolution" },
        { "mongo none", "hosts: [mongo.example.internal]\n  ports: [{ number: 27017, protocol: MONGO }]\n  resolution: NONE", "EGR312", "resolution" },
        { "mysql none", "hosts: [mysql.example.internal]\n  ports: [{ number: 3306, protocol: MYSQL }]\n  resolution: NONE", "EGR312", "resolution" },
        { "redis none", "hosts: [redis.example.internal]\n  ports: [{ number: 6379, protocol: REDIS }]\n  resolution: NONE", "EGR312", "resolution" },
        { "udp none", "hosts: [dns.example.internal]\n  ports: [{ number: 53, protocol: UDP }]\n  resolution: NONE", "EGR312", "resolution" },
        { "tcp none lower-case protocol", "hosts: [db.example.internal]\n  ports: [{ number: 5432, protocol: tcp }]\n  resolution: NONE", "EGR312", "resolution" },
        // SNI spoofing: TLS or HTTPS with NONE and no exact addresses.
        { "tls none", "hosts: [api.partner.com]\n  ports: [{ number: 443, protocol: TLS }]\n  resolution: NONE", "EGR313", "resolution" },
        { "https none", "hosts: [api.partner.com]\n  ports: [{ number: 443, protocol: HTTPS }]\n  resolution: NONE", "EGR313", "resolution" },
        { "tls none with a range", "hosts: [api.partner.com]\n  addresses: [203.0.113.0/28]\n  ports: [{ number: 443, protocol: TLS }]\n  resolution: NONE", "EGR313", "resolution" },
        // Every HTTP-family protocol.
        { "http2 in clear", "hosts: [api.partner.com]\n  ports: [{ number: 8443, protocol: HTTP2 }]", "EGR306", "ports[0].protocol" },
        { "http_proxy in clear", "hosts: [proxy.partner.com]\n  ports: [{ number: 3128, protocol: HTTP_PROXY }]", "EGR306", "ports[0].protocol" },
        { "grpc in clear", "hosts: [api.partner.com]\n  ports: [{ number: 50051, protocol: GRPC }]", "EGR306", "ports[0].protocol" },
        { "grpc-web in clear", "hosts: [api.partner.com]\n  ports: [{ number: 8080, protocol: GRPC-Web }]", "EGR306", "ports[0].protocol" },
        { "mesh-internal naming an external host", "hosts: [api.partner.com]\n  ports: [{ number: 80, protocol: HTTP }]\n  location: MESH_INTERNAL", "EGR306", "ports[0].protocol" },
        { "tcp on port 80", "hosts: [api.partner.com]\n  ports: [{ number: 80, protocol: TCP }]", "EGR306", "ports[0].protocol" },
        { "tcp to target port 8080", "hosts: [api.partner.com]\n  ports: [{ number: 9000, protocol: TCP, targetPort: 8080 }]", "EGR306", "ports[0].protocol" },
        { "http_proxy none", "hosts: [proxy.partner.com]\n  addresses: [203.0.113.7]\n  ports: [{ number: 3128, protocol: HTTP_PROXY }]\n  resolution: NONE", "EGR307", "resolution" },
        // Package sources through the back door.
        { "upper-case package host", "hosts: [PyPI.org]\n  ports: [{ number: 443, protocol: TLS }]", "EGR302", "hosts[0]" },
        { "trailing dot", "hosts: [files.pythonhosted.org.]\n  ports: [{ number: 443, protocol: TLS }]", "EGR302", "hosts[0]" },
        { "partial wildcard", "hosts: [\"*github.com\"]\n  ports: [{ number: 443, protocol: TLS }]\n  resolution: NONE", "EGR302", "hosts[0]" },
        { "wildcard of a shorter suffix", "hosts: [\"*hub.com\"]\n  ports: [{ number: 443, protocol: TLS }]\n  resolution: NONE", "EGR302", "hosts[0]" },
        { "endpoint dns name", "hosts: [mirror.example.com]\n  ports: [{ number: 443, protocol: TLS }]\n  resolution: DNS\n  endpoints: [{ address: pypi.org }]", "EGR302", "endpoints[0].address" },
        { "ipv4-mapped github range", "hosts: [git.example.internal]\n  addresses: [\"::ffff:140.82.112.0/116\"]\n  ports: [{ number: 22, protocol: TCP }]\n  resolution: NONE", "EGR302", "addresses[0]" },
        { "nat64 github range", "hosts: [git.example.internal]\n  addresses: [\"64:ff9b::140.82.112.3\"]\n  ports: [{ number: 22, protocol: TCP }]\n  resolution: NONE", "EGR302", "addresses[0]" },
        { "endpoint ip in github range", "hosts: [git.example.internal]\n  ports: [{ number: 22, protocol: TCP }]\n  resolution: STATIC\n  endpoints: [{ address: 140.82.112.3 }]", "EGR302", "endpoints[0].address" },
        // Catch-alls in disguise.
        { "ipv4-mapped catch-all", "hosts: [any.example.internal]\n  addresses: [\"::ffff:0.0.0.0/96\"]\n  ports: [{ number: 5432, protocol: TCP }]\n  resolution: NONE", "EGR304", "addresses[0]" },
        { "nat64 catch-all", "hosts: [any.example.internal]\n  addresses: [\"64:ff9b::/96\"]\n  ports: [{ number: 5432, protocol: TCP }]\n  resolution: NONE", "EGR304", "addresses[0]" },
        { "two halves", "hosts: [any.example.internal]\n  addresses: [0.0.0.0/1, 128.0.0.0/1]\n  ports: [{ number: 5432, protocol: TCP }]\n  resolution: NONE", "EGR304", "addresses[0]" },
        { "ipv6 form of a /8", "hosts: [db.example.internal]\n  addresses: [\"::ffff:10.0.0.0/104\"]\n  ports: [{ number: 5432, protocol: TCP }]\n  resolution: NONE", "EGR305", "addresses[0]" },
        { "adjacent /24s make a /23", "hosts: [db.example.internal]\n  addresses: [10.0.0.0/24, 10.0.1.0/24]\n  ports: [{ number: 5432, protocol: TCP }]\n  resolution: NONE", "EGR305", "addresses[0]" },
        { "zone does not hide a range", "hosts: [db.example.internal]\n  addresses: [\"fe80::%eth0/10\"]\n  ports: [{ number: 5432, protocol: TCP }]\n  resolution: NONE", "EGR305", "addresses[0]" },
        // Placeholders pasted from explain.
        { "team placeholder", "hosts: [api.partner.com]\n  ports: [{ number: 443, protocol: TLS }]\n  owner: <team>\n  reason: partner API", "EGR309", "owner" },
        { "why placeholder", "hosts: [api.partner.com]\n  ports: [{ number: 443, protocol: TLS }]\n  owner: team-orders\n  reason: <why orders needs api.partner.com:443>", "EGR309", "reason" },
        { "todo reason", "hosts: [api.partner.com]\n  ports: [{ number: 443, protocol: TLS }]\n  owner: team-orders\n  reason: TODO", "EGR309", "reason" },
    };

    [Theory]
    [MemberData(nameof(Holes))]
    public void EachHoleFailsAtItsPath(string name, string body, string code, string member)
    {
        var plan = PolicyStack.Check(services: PolicyStack.Stripe + "\n- name: hole\n  " + body + (body.Contains("owner:", StringComparison.Ordinal) ? string.Empty : Owned));
        Assert.True(plan.Diagnostics.Any(d => d.IsError), $"{name}: no error\n{plan.Dump()}");
        PolicyAssert.Finding(plan, code, $"egress.services[1].{member}");
    }

    public static TheoryData<string, string> Legitimate => new()
    {
        { "tcp with its address", "hosts: [db.example.internal]\n  addresses: [10.42.8.15/32]\n  ports: [{ number: 5432, protocol: TCP }]\n  resolution: NONE" },
        { "tcp by dns", "hosts: [db.example.com]\n  ports: [{ number: 5432, protocol: TCP }]\n  resolution: DNS" },
        { "tls by dns", "hosts: [api.partner.com]\n  ports: [{ number: 443, protocol: TLS }]" },
        { "tls none with exact addresses", "hosts: [api.partner.com]\n  addresses: [203.0.113.7, 203.0.113.8]\n  ports: [{ number: 443, protocol: TLS }]\n  resolution: NONE" },
        { "two distant /24s", "hosts: [db.example.internal]\n  addresses: [10.0.0.0/24, 10.0.2.0/24]\n  ports: [{ number: 5432, protocol: TCP }]\n  resolution: NONE" },
        { "http to an in-cluster name", "hosts: [orders-api.orders.svc.cluster.local]\n  ports: [{ number: 80, protocol: HTTP }]\n  location: MESH_INTERNAL" },
        { "tcp on 443", "hosts: [api.partner.com]\n  ports: [{ number: 443, protocol: TCP }]" },
        { "a host that only looks like a package source", "hosts: [notgithub.com]\n  ports: [{ number: 443, protocol: TLS }]" },
    };

    [Theory]
    [MemberData(nameof(Legitimate))]
    public void LegitimateServicesPass(string name, string body)
    {
        var plan = PolicyStack.Check(services: PolicyStack.Stripe + "\n- name: fine\n  " + body + Owned);
        Assert.False(plan.Diagnostics.Any(d => d.IsError), $"{name}:\n{plan.Dump()}");
    }

    [Fact]
    public void OpenPortsAreAWarningInPermissiveDev()
    {
        var plan = PolicyStack.Check(environment: "dev", services: "- name: db\n  hosts: [db.example.internal]\n  ports: [{ number: 5432, protocol: TCP }]\n  resolution: NONE");
        PolicyAssert.Finding(plan, PolicyCodes.NoOpenPorts.Code, "egress.services[0].resolution", Severity.Warning);
    }
}
