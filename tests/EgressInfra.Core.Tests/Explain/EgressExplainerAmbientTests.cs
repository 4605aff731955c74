using EgressInfra.Core.Config;
using EgressInfra.Core.Explain;
using EgressInfra.Core.Tests.Manifests.Modes;

namespace EgressInfra.Core.Tests.Explain;

/// <summary>explain on the ambient path: the waypoint's policy decides, the NetworkPolicy drops the rest.</summary>
public class EgressExplainerAmbientTests
{
    private static readonly string Stack = AmbientFixture.Stack(AmbientFixture.Stripe + "\n" + AmbientFixture.Rates);

    [Fact]
    public void Granted_IsAllowedThroughTheWaypoint()
    {
        var e = ExplainFixture.Text(Stack, "payments", "api.stripe.com", 443);

        Assert.True(e.Allowed);
        Assert.Equal(ExplainOutcome.Declared, e.Outcome);
        Assert.Equal("ambient", e.Mode);
        Assert.Equal("istio-egress/waypoint", e.Waypoint);
        Assert.Equal("ServiceEntry istio-egress/stripe-api", e.Match!.Resource);
        Assert.Contains(e.Notes, n => n.Contains("HBONE (15008) -> waypoint istio-egress/waypoint", StringComparison.Ordinal));
        Assert.Contains("mode ambient, waypoint istio-egress/waypoint", ExplanationText.Write(e), StringComparison.Ordinal);
    }

    [Fact]
    public void DeclaredForAnotherNamespace_OnTls_IsAResetByTheWaypoint_AndTheChangeAddsTheNamespace()
    {
        var e = ExplainFixture.Text(Stack, "orders", "api.stripe.com", 443);

        Assert.False(e.Allowed);
        Assert.Equal(ExplainOutcome.WrongNamespace, e.Outcome);
        Assert.Contains("AuthorizationPolicy allows payments only", e.Reason, StringComparison.Ordinal);
        Assert.Contains("reset", e.Symptom!.Observed, StringComparison.Ordinal);
        Assert.Equal(["A1"], e.Symptom.FailureModes);
        Assert.NotNull(e.Change);
        Assert.Contains("add orders to the namespaces of stripe-api", e.Change!.Summary, StringComparison.Ordinal);
        Assert.True(e.Acceptance!.Accepted);
        Assert.True(e.Acceptance.Verified);
    }

    [Fact]
    public void DeclaredForAnotherNamespace_OnHttp_IsRbac403()
    {
        var stack = AmbientFixture.Stack(AmbientFixture.Rates.Replace("[payments, orders]", "[payments]", StringComparison.Ordinal));

        var e = ExplainFixture.Text(stack, "orders", "rates.fx.example.com", 80);

        Assert.Equal(ExplainOutcome.WrongNamespace, e.Outcome);
        Assert.Contains("403", e.Symptom!.Observed, StringComparison.Ordinal);
        Assert.Contains("RBAC: access denied", e.Symptom.Observed, StringComparison.Ordinal);
    }

    [Fact]
    public void Undeclared_IsDroppedByTheNetworkPolicy_AndTheChangeAddsAService()
    {
        var e = ExplainFixture.Text(Stack, "orders", "api.github.com", 443, ServiceProtocol.Tls);

        Assert.Equal(ExplainOutcome.NoEntry, e.Outcome);
        Assert.Contains("timed out", e.Symptom!.Observed, StringComparison.Ordinal);
        Assert.Equal(["A2"], e.Symptom.FailureModes);
        Assert.NotNull(e.Change);
    }

    [Fact]
    public void UndeclaredPort_OfADeclaredHost_IsDropped_AndTheChangeAddsThePort()
    {
        var e = ExplainFixture.Text(Stack, "payments", "api.stripe.com", 8443, ServiceProtocol.Tls);

        Assert.Equal(ExplainOutcome.PortNotDeclared, e.Outcome);
        Assert.Equal(["A2"], e.Symptom!.FailureModes);
    }

    [Fact]
    public void WithoutTheNetworkPolicy_UndeclaredPassesStraightOut()
    {
        var stack = AmbientFixture.Stack(AmbientFixture.Stripe, environment: "dev", extra: "networkPolicy: {enabled: false}\n");

        var e = ExplainFixture.Text(stack, "orders", "example.org", 443, ServiceProtocol.Tls);

        Assert.True(e.Allowed);
        Assert.Equal(ExplainOutcome.Passthrough, e.Outcome);
    }

    [Fact]
    public void ExportToDoesNotHideAnEntry_TheWaypointStillRefusesTheCaller()
    {
        // ztunnel ignores exportTo: the entry is seen from orders too, and the policy is what refuses it.
        var stack = AmbientFixture.Stack(AmbientFixture.Stripe.Replace("resolution: DNS", "resolution: DNS\n  exportTo: [\"*\"]", StringComparison.Ordinal), environment: "dev");

        var e = ExplainFixture.Text(stack, "orders", "api.stripe.com", 443);

        Assert.Equal(ExplainOutcome.WrongNamespace, e.Outcome);
        Assert.Equal(["A1"], e.Symptom!.FailureModes);
    }

    [Fact]
    public void UngovernedNamespace_IsRefusedByTheWaypoint()
    {
        var e = ExplainFixture.Text(Stack, "billing", "api.stripe.com", 443);

        Assert.Equal(ExplainOutcome.NotGoverned, e.Outcome);
        Assert.Contains("A3", e.Symptom!.FailureModes);
    }
}
