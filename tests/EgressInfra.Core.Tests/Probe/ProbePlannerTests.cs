using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Probe;
using EgressInfra.Core.Sources;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Probe;

public class ProbePlannerTests
{
    private static EgressManifests Shipped(string stack) =>
        EgressPipeline.Evaluate(StackFile.Parse(RepoPaths.ReadText($"Pulumi.{stack}.yaml"), $"Pulumi.{stack}.yaml")).Manifests!;

    private static EgressManifests Manifests(string services, string extraEgress = "")
    {
        var plan = StackText.Evaluate(StackText.WithServices(services, namespaces: "[payments]", extraEgress: extraEgress));
        Assert.False(plan.HasErrors, string.Join("\n", plan.Diagnostics));
        return plan.Manifests!;
    }

    [Fact]
    public void DisabledProbe_PlansNothing()
    {
        Assert.Empty(ProbePlanner.Plan(Shipped("prod"), ProbeConfig.Disabled));
    }

    // Every destination the stack output lists must be tried, and nothing else may be allowed.
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void AllowChecks_AreExactlyTheAllowedDestinations(string stack)
    {
        var manifests = Shipped(stack);
        var plans = ProbePlanner.Plan(manifests, ProbeConfig.Defaults);
        var allowed = ManifestBuilder.AllowedDestinations(manifests);

        Assert.Equal(allowed.Keys, plans.Select(p => p.Namespace));
        foreach (var plan in plans)
        {
            // An address-probed entry (resolution NONE) reads "allow host:port/PROTOCOL at address".
            var tried = plan.Checks.Where(c => c.Kind == ProbeCheckKind.Allow).Select(c => c.Description["allow ".Length..].Split(" at ")[0]).Distinct();
            Assert.Equal(allowed[plan.Namespace], tried);
            Assert.All(plan.Checks.Where(c => c.Kind == ProbeCheckKind.Allow), c => Assert.Equal(ProbeOutcome.Reached, c.Expected));
        }
    }

    [Fact]
    public void DevSandbox_GetsEveryKindOfDenyCheck()
    {
        var plan = Assert.Single(ProbePlanner.Plan(Shipped("dev"), ProbeConfig.Defaults));
        var denies = plan.Checks.Where(c => c.Kind == ProbeCheckKind.Deny).ToList();

        Assert.All(denies, c => Assert.Equal(ProbeOutcome.Blocked, c.Expected));
        Assert.Contains(denies, c => c is { Method: ProbeMethod.Http, Host: "example.com", Port: 80 });
        Assert.Contains(denies, c => c is { Method: ProbeMethod.Tls, Host: "example.com", Port: 443 });
        var port = Assert.Single(denies, c => c.Description.StartsWith("deny undeclared port", StringComparison.Ordinal));
        Assert.Equal(("api.github.com", 8443L, ProbeMethod.Tls), (port.Host, port.Port, port.Method));
        var spoof = Assert.Single(denies, c => c.Method == ProbeMethod.SpoofedHostHeader);
        Assert.Equal(("192.0.2.1", 80L, "archive.ubuntu.com"), (spoof.Host, spoof.Port, spoof.HostHeader));
    }

    // resolution NONE: the proxy matches the dialled address and the name may not resolve at all.
    [Fact]
    public void NoneEntries_AreTriedAtEachDeclaredAddress_CountedOnTheHostsCluster()
    {
        var orders = ProbePlanner.Plan(Shipped("prod"), ProbeConfig.Defaults).Single(p => p.Namespace == "orders");

        var db = Assert.Single(orders.Checks, c => c.ServiceHost == "orders-db.prod.internal");
        Assert.Equal(("10.42.8.15", 5432L, ProbeMethod.Tcp, ProbeCheckKind.Allow), (db.Host, db.Port, db.Method, db.Kind));
        Assert.Contains("'10.42.8.15' 5432 'orders-db.prod.internal'", orders.Script, StringComparison.Ordinal);
    }

    [Fact]
    public void NoneEntryWithARange_IsTriedByItsName()
    {
        var manifests = Manifests("""
            - name: db
              hosts: [db.internal]
              addresses: [10.0.0.0/24]
              ports: [{number: 5432, protocol: TCP}]
              resolution: NONE
            """);

        var plan = Assert.Single(ProbePlanner.Plan(manifests, ProbeConfig.Defaults));

        var allow = Assert.Single(plan.Checks, c => c.Kind == ProbeCheckKind.Allow);
        Assert.Equal(("db.internal", 5432L, "db.internal"), (allow.Host, allow.Port, allow.ServiceHost));
    }

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1")]
    [InlineData("10.0.0.1/32", "10.0.0.1")]
    [InlineData("2001:db8::1/128", "2001:db8::1")]
    [InlineData("10.0.0.0/31", null)]
    [InlineData("2001:db8::/64", null)]
    [InlineData("10.0.0.1/128", null)]
    public void SingleAddress(string address, string? expected) => Assert.Equal(expected, ProbePlanner.SingleAddress(address));

    // A TLS entry the proxy resolves itself must be routed by SNI, never to the address dialled.
    [Fact]
    public void TlsEntry_GetsAnSniSpoofCheck_AtTheSpoofAddress()
    {
        var payments = ProbePlanner.Plan(Shipped("prod"), ProbeConfig.Defaults).Single(p => p.Namespace == "payments");

        var sni = Assert.Single(payments.Checks, c => c.Method == ProbeMethod.SpoofedSni);
        Assert.Equal(("192.0.2.1", 443L, "api.stripe.com", ProbeOutcome.Blocked), (sni.Host, sni.Port, sni.HostHeader, sni.Expected));
        Assert.Contains("--connect-to", payments.Script, StringComparison.Ordinal);
        Assert.Contains("'api.stripe.com:443:192.0.2.1:443' 'https://api.stripe.com:443/'", payments.Script, StringComparison.Ordinal);
    }

    [Fact]
    public void TlsEntryWithResolutionNone_GetsNoSniSpoofCheck_AndSaysWhy()
    {
        var manifests = Manifests("""
            - name: db
              hosts: [db.internal]
              addresses: [10.0.0.7]
              ports: [{number: 443, protocol: TLS}]
              resolution: NONE
            """);

        var plan = Assert.Single(ProbePlanner.Plan(manifests, ProbeConfig.Defaults));

        Assert.DoesNotContain(plan.Checks, c => c.Method == ProbeMethod.SpoofedSni);
        Assert.Contains(plan.Skipped, s => s.StartsWith("deny spoofed SNI", StringComparison.Ordinal));
    }

    [Fact]
    public void Script_RefusesToJudgeWithoutAProxy_AndNeverForcesInjection()
    {
        var plan = ProbePlanner.Plan(Shipped("prod"), ProbeConfig.Defaults)[0];

        Assert.Contains(ProbeScript.ProxyReadyUrl, plan.Script, StringComparison.Ordinal);
        Assert.Contains($"exit {ProbeScript.NoProxyExitCode}", plan.Script, StringComparison.Ordinal);
        Assert.DoesNotContain("sidecar.istio.io/inject", YamlWriterText(plan), StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultImage_IsPinnedByDigest() =>
        Assert.Matches("@sha256:[0-9a-f]{64}$", ProbeConfig.DefaultImage);

    private static string YamlWriterText(ProbePlan plan) => YamlWriter.Write(ProbeJobManifest.ToTree(plan));

    [Fact]
    public void NamespaceWithoutHttpEntries_HasNoSpoofCheck()
    {
        var payments = ProbePlanner.Plan(Shipped("prod"), ProbeConfig.Defaults).Single(p => p.Namespace == "payments");

        Assert.DoesNotContain(payments.Checks, c => c.Method == ProbeMethod.SpoofedHostHeader);
        Assert.Contains(payments.Checks, c => c.Description == "deny undeclared port api.stripe.com:8443/TLS");
    }

    [Fact]
    public void UndeclaredPort_AvoidsEveryPortTheNamespaceDeclares()
    {
        var manifests = Manifests("""
            - name: api
              hosts: [api.example.org]
              ports:
                - { number: 8443, protocol: HTTPS }
                - { number: 9443, protocol: HTTPS }
            """);

        var plan = Assert.Single(ProbePlanner.Plan(manifests, ProbeConfig.Defaults));

        Assert.Contains(plan.Checks, c => c is { Kind: ProbeCheckKind.Deny, Host: "api.example.org", Port: 10443 });
    }

    [Fact]
    public void TcpPorts_AreTriedAsTcp_AndUdpAndWildcardsAreSkippedWithAReason()
    {
        var manifests = Manifests("""
            - name: db
              hosts: [db.example.org]
              ports:
                - { number: 5432, protocol: TCP }
                - { number: 6379, protocol: REDIS }
                - { number: 53, protocol: UDP }
            - name: partners
              hosts: ["*.partner.example"]
              ports:
                - { number: 443, protocol: TLS }
            """);

        var plan = Assert.Single(ProbePlanner.Plan(manifests, ProbeConfig.Defaults));

        Assert.Contains(plan.Checks, c => c is { Method: ProbeMethod.Tcp, Host: "db.example.org", Port: 5432 });
        Assert.Contains(plan.Checks, c => c is { Method: ProbeMethod.Tcp, Host: "db.example.org", Port: 6379 });
        Assert.DoesNotContain(plan.Checks, c => c.Port == 53 || c.Host.Contains('*', StringComparison.Ordinal));
        Assert.Contains(plan.Skipped, s => s.StartsWith("db.example.org:53/UDP", StringComparison.Ordinal));
        Assert.Contains(plan.Skipped, s => s.StartsWith("*.partner.example:443/TLS", StringComparison.Ordinal));
    }

    // With ALLOW_ANY, reaching an undeclared host is the configured behaviour, not a surprise.
    [Fact]
    public void AllowAnyNamespace_HasNoDenyChecks()
    {
        var manifests = Manifests(
            """
            - name: api
              hosts: [api.example.org]
              ports:
                - { number: 443, protocol: TLS }
            """,
            extraEgress: "outboundTrafficPolicy: ALLOW_ANY");

        var plan = Assert.Single(ProbePlanner.Plan(manifests, ProbeConfig.Defaults));

        Assert.All(plan.Checks, c => Assert.Equal(ProbeCheckKind.Allow, c.Kind));
        Assert.Contains(plan.Skipped, s => s.Contains("ALLOW_ANY", StringComparison.Ordinal));
    }

    [Fact]
    public void Deadline_CoversEveryCheckAtItsTimeout()
    {
        var plan = Assert.Single(ProbePlanner.Plan(Shipped("dev"), ProbeConfig.Defaults with { TimeoutSeconds = 7 }));

        Assert.True(plan.DeadlineSeconds >= plan.Checks.Count * 8, $"{plan.DeadlineSeconds}s for {plan.Checks.Count} checks");
    }
}
