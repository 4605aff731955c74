using EgressInfra.Core.Collections;
using EgressInfra.Core.Delivery;
using EgressInfra.Core.Manifests;

namespace EgressInfra.Core.Tests.Delivery;

public class PreflightTests
{
    private static IReadOnlyList<IKubernetesObject> Objects(string ns = "payments")
    {
        var plan = StackText.Evaluate(StackText.WithServices(
            """
            - name: stripe
              hosts: [api.stripe.com]
              ports: [{number: 443, protocol: TLS}]
              resolution: DNS
            """, namespaces: $"[{ns}]"));
        return [.. plan.Manifests!.Objects];
    }

    private static ValueMap<string> Labels(params (string Key, string Value)[] labels) => ValueMap.Of(labels);

    private static ClusterFacts Facts(ValueMap<string>? labels = null, params ObservedSidecar[] sidecars) => new(
        ValueList.Of("serviceentries.networking.istio.io", "sidecars.networking.istio.io"),
        new ValueMap<ValueMap<string>>([KeyValuePair.Create("payments", labels ?? Labels(("istio-injection", "enabled")))]),
        ValueList.Of(sidecars),
        ValueMap<string>.Empty);

    [Fact]
    public void HealthyCluster_HasNoFindings() => Assert.Empty(Preflight.Evaluate(Objects(), Facts()));

    [Fact]
    public void Reads_AreTheCrdsOfTheKindsAndTheNamespaces()
    {
        var reads = PreflightReads.For(Objects());

        Assert.Equal(["serviceentries.networking.istio.io", "sidecars.networking.istio.io"], reads.Crds);
        Assert.Equal(["payments"], reads.Namespaces);
        Assert.Equal(["payments"], reads.SidecarNamespaces);
        Assert.Equal("networking.istio.io/v1", reads.SidecarApiVersion);
    }

    [Fact]
    public void MissingCrdAndNamespace_AreEachReported()
    {
        var facts = new ClusterFacts(ValueList.Of("sidecars.networking.istio.io"), ValueMap<ValueMap<string>>.Empty, ValueList<ObservedSidecar>.Empty, ValueMap<string>.Empty);

        var findings = Preflight.Evaluate(Objects(), facts);

        Assert.Equal(["EGR501", "EGR502"], findings.Select(f => f.Code).Order(StringComparer.Ordinal));
        Assert.All(findings, f => Assert.True(f.IsError));
    }

    [Theory]
    [InlineData("istio.io/dataplane-mode", "ambient", "EGR503")]
    [InlineData("istio-injection", "disabled", "EGR504")]
    [InlineData("istio-injection", "true", "EGR504")]
    [InlineData("istio.io/dataplane-mode", "none", "EGR504")]
    public void DataplaneMismatch_IsReported(string key, string value, string code)
    {
        var findings = Preflight.Evaluate(Objects(), Facts(Labels((key, value))));

        Assert.Equal(code, Assert.Single(findings).Code);
    }

    // istio-injection=disabled wins over a revision label in Istio's webhook selectors.
    [Fact]
    public void InjectionDisabled_WinsOverARevisionLabel()
    {
        Assert.False(Preflight.InjectionOn(Labels(("istio-injection", "disabled"), ("istio.io/rev", "canary"))));
        Assert.True(Preflight.InjectionOn(Labels(("istio.io/rev", "canary"))));
        Assert.True(Preflight.InjectionOn(Labels(("istio-injection", "enabled"))));
    }

    // The stack's own Sidecar in payments is named "default"; any other Sidecar there is someone else's.
    [Fact]
    public void ForeignNamespaceWideSidecar_IsAnError_TheStacksOwnIsNot()
    {
        var own = new ObservedSidecar("payments", "default", null);
        var foreign = new ObservedSidecar("payments", "legacy", null);

        var findings = Preflight.Evaluate(Objects(), Facts(null, own, foreign));

        var finding = Assert.Single(findings);
        Assert.Equal("EGR505", finding.Code);
        Assert.True(finding.IsError);
        Assert.Contains("payments/legacy", finding.Message, StringComparison.Ordinal);
    }

    // Carrying the stack's managed-by label does not make a Sidecar the stack's: only its name in the plan does.
    [Fact]
    public void ForeignSidecar_WearingTheStacksLabel_IsStillForeign()
    {
        var findings = Preflight.Evaluate(Objects(), Facts(null, new ObservedSidecar("payments", "egress-infra", null)));

        Assert.Equal("EGR505", Assert.Single(findings).Code);
    }

    // Istio ranks a Sidecar with any workloadSelector, even one without labels, before namespace-wide ones.
    [Fact]
    public void SelectorWithoutLabels_SelectsEveryPod_IsAnError()
    {
        var findings = Preflight.Evaluate(Objects(), Facts(null, new ObservedSidecar("payments", "all", ValueMap<string>.Empty)));

        var finding = Assert.Single(findings);
        Assert.Equal("EGR505", finding.Code);
        Assert.Contains("without labels", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SelectingSidecar_IsAWarning_NamingItsSelector()
    {
        var batch = new ObservedSidecar("payments", "batch", Labels(("tier", "batch"), ("app", "reports")));

        var finding = Assert.Single(Preflight.Evaluate(Objects(), Facts(null, batch)));

        Assert.Equal("EGR509", finding.Code);
        Assert.False(finding.IsError);
        Assert.Contains("app=reports,tier=batch", finding.Message, StringComparison.Ordinal);
    }

    // Sidecars of other namespaces, even namespace-wide ones, are not this namespace's concern.
    [Fact]
    public void SidecarsOfOtherNamespaces_AreIgnored()
    {
        var findings = Preflight.Evaluate(Objects(), Facts(null, new ObservedSidecar("billing", "legacy", null), new ObservedSidecar("istio-system", "default", null)));

        Assert.Empty(findings);
    }

    // Fail closed: a namespace whose Sidecars could not be listed is not assumed to have none.
    [Fact]
    public void UnlistableNamespace_IsAnError_WithTheReason()
    {
        var facts = Facts() with { UnlistedSidecars = ValueMap.Of(("payments", "403 Forbidden")) };

        var finding = Assert.Single(Preflight.Evaluate(Objects(), facts));

        Assert.Equal("EGR508", finding.Code);
        Assert.True(finding.IsError);
        Assert.Contains("403 Forbidden", finding.Message, StringComparison.Ordinal);
        Assert.Equal("egress.namespaces[payments]", finding.Path);
    }
}
