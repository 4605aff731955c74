using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Probe;
using EgressInfra.Core.Sources;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Probe;

/// <summary>
/// The probe in ambient mode: one plan per governed namespace (there is no Sidecar to count), its
/// checks from the waypoint's grants, and a Job enrolled the ambient way.
/// </summary>
public class AmbientProbePlannerTests
{
    private const string Services = """
        - name: api
          hosts: [api.example.org]
          ports: [{ number: 443, protocol: TLS }]
          namespaces: [payments]
        - name: mirror
          hosts: [deb.example.org]
          ports: [{ number: 80, protocol: HTTP }]
          namespaces: [payments, orders]
        - name: db
          hosts: [db.example.org]
          addresses: [10.0.0.5]
          resolution: NONE
          ports: [{ number: 5432, protocol: TCP }]
          namespaces: [orders]
        """;

    private static EgressPlan Evaluate(string services = Services, string namespaces = "[payments, orders, batch]", string extra = "", bool probe = true)
    {
        var text = StackText.WithServices(services, namespaces: namespaces, extraEgress: "mode: ambient\n" + extra);
        if (probe)
        {
            text += "  egress-infra:probe:\n    enabled: true\n";
        }

        var plan = StackText.Evaluate(text);
        Assert.False(plan.HasErrors, string.Join("\n", plan.Diagnostics));
        return plan;
    }

    private static Collections.ValueList<ProbePlan> Plans(EgressPlan plan) => ProbePlanner.Plan(plan.Manifests!, plan.Config!);

    private static ProbePlan PlanOf(EgressPlan plan, string ns) => Assert.Single(Plans(plan), p => p.Namespace == ns);

    [Fact]
    public void EveryGovernedNamespace_GetsAnAmbientPlan_EvenOneGrantedNothing()
    {
        var plans = Plans(Evaluate());

        Assert.Equal(["batch", "orders", "payments"], plans.Select(p => p.Namespace));
        Assert.All(plans, p => Assert.True(p.Ambient));
        Assert.Empty(Evaluate().Manifests!.Sidecars);
    }

    [Fact]
    public void DisabledProbe_PlansNothing()
    {
        Assert.Empty(Plans(Evaluate(probe: false)));
    }

    // What the stack output lists for a namespace is what its probe tries, bar opaque TCP (skipped, with why).
    [Fact]
    public void AllowChecks_AreTheNamespacesGrants_TcpSkippedWithTheReason()
    {
        var plan = Evaluate();
        var allowed = ManifestBuilder.AllowedDestinations(plan.Manifests!);

        foreach (var probe in Plans(plan))
        {
            var tried = probe.Checks.Where(c => c.Kind == ProbeCheckKind.Allow).Select(c => c.Description["allow ".Length..]).ToList();
            var expected = allowed.TryGetValue(probe.Namespace, out var list) ? list.Where(d => !d.EndsWith("/TCP", StringComparison.Ordinal)).ToList() : [];
            Assert.Equal(expected, tried);
        }

        var orders = PlanOf(plan, "orders");
        Assert.Contains(orders.Skipped, s => s.StartsWith("db.example.org:5432/TCP: opaque TCP", StringComparison.Ordinal));
        Assert.DoesNotContain(orders.Checks, c => c.Method == ProbeMethod.Tcp);
    }

    // The waypoint's per-entry policy: api is payments' only, so orders must be refused it.
    [Fact]
    public void AnotherNamespacesDestination_MustBeRefused()
    {
        var orders = PlanOf(Evaluate(), "orders");

        var deny = Assert.Single(orders.Checks, c => c.Description.EndsWith("granted to other namespaces only", StringComparison.Ordinal));
        Assert.Equal((ProbeMethod.Tls, "api.example.org", 443L, ProbeOutcome.Blocked), (deny.Method, deny.Host, deny.Port, deny.Expected));
        Assert.DoesNotContain(PlanOf(Evaluate(), "payments").Checks, c => c.Kind == ProbeCheckKind.Deny && c.Host is "api.example.org" or "deb.example.org" && c.Port is 443 or 80);
    }

    [Fact]
    public void WithANetworkPolicy_UndeclaredHostAndPortMustBeDropped()
    {
        var payments = PlanOf(Evaluate(), "payments");
        var denies = payments.Checks.Where(c => c.Kind == ProbeCheckKind.Deny).ToList();

        Assert.Contains(denies, c => c is { Method: ProbeMethod.Http, Host: "example.com", Port: 80 });
        Assert.Contains(denies, c => c is { Method: ProbeMethod.Tls, Host: "example.com", Port: 443 });
        Assert.Contains(denies, c => c.Description == "deny undeclared port api.example.org:8443/TLS");
        Assert.DoesNotContain(denies, c => c.Method is ProbeMethod.SpoofedHostHeader or ProbeMethod.SpoofedSni or ProbeMethod.DirectConnect);
        Assert.Contains(payments.Skipped, s => s.StartsWith("deny spoofed Host header and SNI: ztunnel picks the destination by the address dialled", StringComparison.Ordinal));
        Assert.Empty(payments.BypassChecks);
        Assert.Null(payments.BypassScript);
    }

    // Without a NetworkPolicy ztunnel lets undeclared destinations out (posture observed): expecting
    // them blocked would fail every run, so the plan says why it does not try.
    [Fact]
    public void WithoutANetworkPolicy_NoUndeclaredChecks_AndTheSkipSaysWhy()
    {
        var payments = PlanOf(Evaluate(extra: "networkPolicy:\n  enabled: false\n"), "payments");

        Assert.DoesNotContain(payments.Checks, c => c.Host == "example.com");
        Assert.DoesNotContain(payments.Checks, c => c.Description.StartsWith("deny undeclared", StringComparison.Ordinal));
        Assert.Contains(payments.Skipped, s => s.Contains("no NetworkPolicy in this namespace", StringComparison.Ordinal));
    }

    [Fact]
    public void NamespaceGrantedNothing_StillProbesWhatMustBeDenied()
    {
        var batch = PlanOf(Evaluate(), "batch");

        Assert.DoesNotContain(batch.Checks, c => c.Kind == ProbeCheckKind.Allow);
        Assert.Contains(batch.Checks, c => c is { Host: "example.com", Port: 443, Expected: ProbeOutcome.Blocked });
        Assert.Contains(batch.Checks, c => c.Description.EndsWith("granted to other namespaces only", StringComparison.Ordinal));
        Assert.Contains(batch.Skipped, s => s.StartsWith("deny undeclared port", StringComparison.Ordinal));
    }

    [Fact]
    public void NoneResolutionWithAnAddress_IsDialledAtTheAddress_WhenNotTcp()
    {
        var services = """
            - name: legacy
              hosts: [legacy.example.org]
              addresses: [10.0.0.9/32, 10.1.0.0/16]
              resolution: NONE
              ports: [{ number: 8443, protocol: TLS }]
              namespaces: [payments]
            """;

        var checks = PlanOf(Evaluate(services, "[payments]"), "payments").Checks.Where(c => c.Kind == ProbeCheckKind.Allow).ToList();

        Assert.Equal(["10.0.0.9", "legacy.example.org"], checks.Select(c => c.Host));
        Assert.All(checks, c => Assert.Equal("legacy.example.org", c.ServiceHost));
    }

    // The hash covers the entries the namespace is granted (in the egress namespace, not its own),
    // so the Job is renewed when they change, and not when an entry only another namespace uses does.
    [Fact]
    public void PolicyHash_FollowsTheNamespacesOwnGrants()
    {
        var before = Plans(Evaluate()).ToDictionary(p => p.Namespace, p => p.PolicyHash);
        var apiMoved = Plans(Evaluate(Services.Replace("ports: [{ number: 443, protocol: TLS }]", "ports: [{ number: 8443, protocol: TLS }]", StringComparison.Ordinal)))
            .ToDictionary(p => p.Namespace, p => p.PolicyHash);
        var reworded = Plans(Evaluate(Services.Replace("namespaces: [payments]\n", "namespaces: [payments]\n  reason: Another reason.\n", StringComparison.Ordinal)))
            .ToDictionary(p => p.Namespace, p => p.PolicyHash);

        Assert.NotEqual(before["payments"], apiMoved["payments"]);
        Assert.Equal(before["orders"], apiMoved["orders"]);
        Assert.Equal(before, reworded);
    }

    [Fact]
    public void Job_IsEnrolledTheAmbientWay_AndReadsItsOwnAnnotations()
    {
        var probe = PlanOf(Evaluate(), "payments");
        var yaml = YamlWriter.WriteDocuments([ProbeJobManifest.ToTree(probe)]);

        Assert.DoesNotContain(ProbeJobManifest.ProxyConfigAnnotation, yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("sidecar.istio.io/inject", yaml, StringComparison.Ordinal);

        // Enrolment comes from the namespace, as for its workloads: the pod does not label itself in.
        Assert.DoesNotContain("istio.io/dataplane-mode:", yaml, StringComparison.Ordinal);
        Assert.Contains("fieldPath: metadata.annotations", yaml, StringComparison.Ordinal);
        Assert.Contains("mountPath: /etc/podinfo", yaml, StringComparison.Ordinal);
        Assert.Contains("automountServiceAccountToken: false", yaml, StringComparison.Ordinal);
        Assert.Equal(ProbePlan.AmbientEnrolmentWaitSeconds + 30 + (probe.Checks.Count * (probe.Settings.TimeoutSeconds + 1)), probe.DeadlineSeconds);
    }

    [Fact]
    public void Script_ChecksEnrolment_NotAProxy()
    {
        var script = PlanOf(Evaluate(), "payments").Script;

        Assert.Contains("grep -qx 'ambient.istio.io/redirection=\"enabled\"' /etc/podinfo/annotations", script, StringComparison.Ordinal);
        Assert.Contains("exit 3", script, StringComparison.Ordinal);
        Assert.DoesNotContain("15021", script, StringComparison.Ordinal);
        Assert.DoesNotContain("15000", script, StringComparison.Ordinal);
        Assert.DoesNotContain("quitquitquit", script, StringComparison.Ordinal);
    }

    // The sidecar and gateway modes keep their per-Sidecar plans, whichever overload is called.
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void SidecarAndGatewayStacks_PlanAsBefore(string stack)
    {
        var text = RepoPaths.ReadText($"Pulumi.{stack}.yaml");
        if (!text.Contains("egress-infra:probe:", StringComparison.Ordinal))
        {
            text = text.TrimEnd('\n') + "\n  egress-infra:probe:\n    enabled: true\n";
        }

        var plan = EgressPipeline.Evaluate(StackFile.Parse(text, $"Pulumi.{stack}.yaml"));

        var byConfig = ProbePlanner.Plan(plan.Manifests!, plan.Config!);

        Assert.Equal(ProbePlanner.Plan(plan.Manifests!, plan.Config!.Probe), byConfig);
        Assert.All(byConfig, p => Assert.False(p.Ambient));
        Assert.All(byConfig, p => Assert.Contains(ProbeScript.ProxyReadyUrl, p.Script, StringComparison.Ordinal));
    }
}
