using EgressInfra.Core.Diff;
using EgressInfra.Core.Explain;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Probe;
using EgressInfra.Core.Tests.Diff;
using EgressInfra.Core.Tests.Explain;

namespace EgressInfra.Core.Tests.Manifests.Modes;

/// <summary>explain, diff, graph and the probe over a gateway-mode stack.</summary>
public class GatewayPathTests
{
    [Fact]
    public void Explain_AllowedThroughTheGateway_NamesEachHop()
    {
        var e = ExplainFixture.Text(GatewayStacks.Prod, "payments", "api.stripe.com", 443);

        Assert.True(e.Allowed);
        Assert.Equal("enforced", e.Posture);
        Assert.Contains(e.Via, h => h.Contains("VirtualService istio-egress/stripe-api", StringComparison.Ordinal) && h.Contains("subset stripe-api", StringComparison.Ordinal));
        Assert.Contains(e.Via, h => h.Contains("Gateway istio-egress/stripe-api", StringComparison.Ordinal) && h.Contains("ISTIO_MUTUAL", StringComparison.Ordinal));
        Assert.Contains(e.Via, h => h.StartsWith("AuthorizationPolicy istio-egress/istio-egressgateway allows payments", StringComparison.Ordinal));
        Assert.Contains(e.Via, h => h.Contains("NetworkPolicy payments/egress-infra", StringComparison.Ordinal));
        Assert.Contains(e.Notes, n => n.Contains("UH", StringComparison.Ordinal) && n.Contains("503", StringComparison.Ordinal));
        Assert.Contains(e.Notes, n => n.Contains("NR", StringComparison.Ordinal));
        var text = ExplanationText.Write(e);
        Assert.Contains("  via: ", text, StringComparison.Ordinal);
        Assert.Contains("posture enforced", text, StringComparison.Ordinal);
        Assert.Contains("\"via\": [", ExplanationJson.Write(e), StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_OriginationHop_SaysWhereTlsIsOpened()
    {
        var e = ExplainFixture.Text(GatewayStacks.Prod, "orders", "api.partner.example", 80);

        Assert.True(e.Allowed);
        Assert.Contains(e.Via, h => h.Contains("opens TLS (SIMPLE, SNI api.partner.example) to port 443", StringComparison.Ordinal));
        Assert.Contains(e.Via, h => h.Contains("for Host api.partner.example", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_DeniedNamespace_SaysWhatEachLayerDoesAndTheSmallestChange()
    {
        var e = ExplainFixture.Text(GatewayStacks.Prod, "orders", "api.stripe.com", 443);

        Assert.False(e.Allowed);
        Assert.Equal(ExplainOutcome.WrongNamespace, e.Outcome);
        Assert.Contains(e.Notes, n => n.Contains("NetworkPolicy drops", StringComparison.Ordinal) && n.Contains("timed out", StringComparison.Ordinal));
        Assert.Contains(e.Notes, n => n.Contains("403", StringComparison.Ordinal) && n.Contains("RBAC: access denied", StringComparison.Ordinal));
        Assert.NotNull(e.Change);
        Assert.Contains("orders", e.Change!.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_GatewayToSidecar_LowersThePostureAndSaysWhy()
    {
        var diff = EgressDifferTests.Compare(GatewayStacks.Prod, GatewayStacks.With("mode: gateway", "mode: sidecar"));

        Assert.Contains(diff.Stack, c => c.Field == "mode" && c.Old == "gateway" && c.New == "sidecar");
        var lowered = diff.Stack.Where(c => c.Field.StartsWith("posture.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["posture.orders", "posture.payments", "posture.shipping"], lowered.Select(c => c.Field));
        Assert.All(lowered, c =>
        {
            Assert.Equal(("enforced", "best-effort"), (c.Old, c.New));
            Assert.Contains("lowered", c.Why, StringComparison.Ordinal);
        });

        var raised = EgressDifferTests.Compare(GatewayStacks.With("mode: gateway", "mode: sidecar"), GatewayStacks.Prod);
        Assert.All(raised.Stack.Where(c => c.Field.StartsWith("posture.", StringComparison.Ordinal)), c => Assert.Null(c.Why));
    }

    [Fact]
    public void Diff_NetworkPolicyTurnedOff_IsALoosening()
    {
        var diff = EgressDifferTests.Compare(GatewayStacks.Prod, GatewayStacks.With("mode: gateway", "mode: gateway\n    networkPolicy: {enabled: false}"));

        var change = Assert.Single(diff.Stack, c => c.Field == "networkPolicy.enabled");
        Assert.NotNull(change.Why);
    }

    [Fact]
    public void Graph_ShowsPostureAndTheGatewayPath()
    {
        var config = GatewayStacks.Evaluate(GatewayStacks.Prod).Config!;

        var graph = global::EgressInfra.Core.Graph.MermaidGraph.Write(config);

        Assert.Contains("([\"payments (enforced)\"])", graph, StringComparison.Ordinal);
        Assert.Contains("|\"stripe-api, via gateway\"|", graph, StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_TriesADirectConnectionPerGatewayDestination_WhichMustBeDropped()
    {
        var manifests = GatewayStacks.Evaluate(GatewayStacks.Prod).Manifests!;

        var plans = ProbePlanner.Plan(manifests, ProbeConfig.Defaults);

        var payments = plans.Single(p => p.Namespace == "payments");
        Assert.Equal(
            [("api.stripe.com", 443L), ("ledger-db.prod.internal", 5432L)],
            payments.BypassChecks.Select(c => (c.Host, c.Port)).Order());
        Assert.All(payments.BypassChecks, c => Assert.Equal((ProbeCheckKind.Bypass, ProbeOutcome.Blocked), (c.Kind, c.Expected)));
        Assert.Contains("check blocked 'bypass api.stripe.com:443 directly", payments.BypassScript, StringComparison.Ordinal);
        Assert.Contains("direct_connect 'api.stripe.com' 443", payments.BypassScript, StringComparison.Ordinal);
        Assert.DoesNotContain("ledger", plans.Single(p => p.Namespace == "orders").BypassScript ?? string.Empty, StringComparison.Ordinal);

        // Sidecar mode has no gateway to skip: no bypass checks.
        var sidecar = GatewayStacks.Evaluate(GatewayStacks.With("mode: gateway", "mode: sidecar")).Manifests!;
        Assert.All(ProbePlanner.Plan(sidecar, ProbeConfig.Defaults), p => Assert.Null(p.BypassScript));
    }
}
