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
        ValueList.Of(sidecars));

    [Fact]
    public void HealthyCluster_HasNoFindings() => Assert.Empty(Preflight.Evaluate(Objects(), Facts()));

    [Fact]
    public void Reads_AreTheCrdsOfTheKindsAndTheNamespaces()
    {
        var reads = PreflightReads.For(Objects());

        Assert.Equal(["serviceentries.networking.istio.io", "sidecars.networking.istio.io"], reads.Crds);
        Assert.Equal(["payments"], reads.Namespaces);
    }

    [Fact]
    public void MissingCrdAndNamespace_AreEachReported()
    {
        var facts = new ClusterFacts(ValueList.Of("sidecars.networking.istio.io"), ValueMap<ValueMap<string>>.Empty, ValueList<ObservedSidecar>.Empty);

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

    [Fact]
    public void UnownedSelectorlessSidecar_IsReported_OwnedOrSelectedOnesAreNot()
    {
        var owned = new ObservedSidecar("payments", "default", false, Labels((ManagedLabels.ManagedBy, ManagedLabels.ManagedByValue)));
        var selected = new ObservedSidecar("payments", "batch", true, ValueMap<string>.Empty);
        var foreign = new ObservedSidecar("payments", "legacy", false, Labels((ManagedLabels.ManagedBy, "helm")));

        var findings = Preflight.Evaluate(Objects(), Facts(null, owned, selected, foreign));

        var finding = Assert.Single(findings);
        Assert.Equal("EGR505", finding.Code);
        Assert.Contains("payments/legacy", finding.Message, StringComparison.Ordinal);
    }
}
