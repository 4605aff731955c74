using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Lint;

namespace EgressInfra.Core.Tests.Lint;

/// <summary>
/// istioctl analyze's Sidecar analyzer on sets that hold Pods and Namespaces: two Sidecars with
/// different selectors that pick the same pod (IST0110), Sidecars in an ambient namespace or on an
/// ambient pod (IST0167 instead of IST0111/IST0110).
/// </summary>
public sealed class SidecarAnalyzerAgreementTests
{
    private static string Sidecar(string name, string ns, string? selector = null) => $$"""
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata: {name: {{name}}, namespace: {{ns}}}
        spec:
          {{(selector is null ? string.Empty : $"workloadSelector: {{labels: {selector}}}")}}
          egress: [{hosts: ["./*"]}]
        """;

    private static string Pod(string name, string ns, string labels, bool ambient = false) => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{name}}
          namespace: {{ns}}
          labels: {{labels}}
          {{(ambient ? "annotations: {ambient.istio.io/redirection: enabled}" : string.Empty)}}
        spec: {containers: [{name: app, image: app}]}
        """;

    private static string Namespace(string name, string labels) => $$"""
        apiVersion: v1
        kind: Namespace
        metadata: {name: {{name}}, labels: {{labels}}}
        """;

    private static LintResult Lint(params string[] docs) => ManifestLinter.Lint([("set.yaml", string.Join("\n---\n", docs))]);

    private static List<string?> On(LintResult result, DiagnosticDescriptor code) =>
        [.. result.Diagnostics.Where(d => d.Code == code.Code).Select(d => d.Resource).Order(StringComparer.Ordinal)];

    [Fact]
    public void Different_selectors_that_pick_one_pod_conflict()
    {
        var result = Lint(
            Sidecar("by-app", "orders", "{app: checkout}"),
            Sidecar("by-team", "orders", "{team: payments}"),
            Pod("checkout-1", "orders", "{app: checkout, team: payments}"));

        Assert.Equal(["Sidecar orders/by-app", "Sidecar orders/by-team"], On(result, SidecarCodes.ConflictingSelectors));
        Assert.Contains("checkout-1", result.Diagnostics.First(d => d.Code == SidecarCodes.ConflictingSelectors.Code).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{app: checkout}", "shipping")]
    [InlineData("{app: Checkout, team: payments}", "orders")]
    [InlineData("{team: payments}", "orders")]
    public void A_pod_that_only_one_selects_or_in_another_namespace_is_no_conflict(string podLabels, string podNamespace)
    {
        var result = Lint(
            Sidecar("by-app", "orders", "{app: checkout}"),
            Sidecar("by-team", "orders", "{team: payments}"),
            Pod("checkout-1", podNamespace, podLabels));

        Assert.Empty(On(result, SidecarCodes.ConflictingSelectors));
    }

    [Fact]
    public void An_ambient_pod_makes_its_sidecars_ineffective_not_conflicting()
    {
        var result = Lint(
            Sidecar("by-app", "orders", "{app: checkout}"),
            Sidecar("by-team", "orders", "{team: payments}"),
            Pod("checkout-1", "orders", "{app: checkout, team: payments}", ambient: true));

        Assert.Empty(On(result, SidecarCodes.ConflictingSelectors));
        Assert.Equal(["Sidecar orders/by-app", "Sidecar orders/by-team"], On(result, AmbientCodes.SidecarWithoutEffect));
        Assert.All(result.Diagnostics.Where(d => d.Code == AmbientCodes.SidecarWithoutEffect.Code), d => Assert.False(d.IsError));
    }

    [Fact]
    public void Selector_less_sidecars_in_an_ambient_namespace_are_ineffective_not_ambiguous()
    {
        var result = Lint(
            Namespace("orders", "{istio.io/dataplane-mode: ambient}"),
            Sidecar("first", "orders"),
            Sidecar("second", "orders"));

        Assert.Empty(On(result, SidecarCodes.MultipleDefaultSidecars));
        Assert.Equal(["Sidecar orders/first", "Sidecar orders/second"], On(result, AmbientCodes.SidecarWithoutEffect));
    }

    [Theory]
    [InlineData("{istio.io/dataplane-mode: ambient, istio-injection: enabled}")]
    [InlineData("{istio.io/dataplane-mode: ambient, istio.io/rev: canary}")]
    [InlineData("{istio.io/dataplane-mode: Ambient}")]
    [InlineData("{istio.io/dataplane-mode: none}")]
    [InlineData("{istio.io/data-plane-mode: ambient}")]
    public void A_namespace_that_injection_or_a_revision_keeps_on_sidecars_is_not_ambient(string labels)
    {
        var result = Lint(Namespace("orders", labels), Sidecar("first", "orders"), Sidecar("second", "orders"));

        Assert.Equal(2, On(result, SidecarCodes.MultipleDefaultSidecars).Count);
        Assert.Empty(On(result, AmbientCodes.SidecarWithoutEffect));
    }

    [Fact]
    public void An_ambient_namespace_of_another_name_changes_nothing()
    {
        var result = Lint(Namespace("billing", "{istio.io/dataplane-mode: ambient}"), Sidecar("first", "orders"), Sidecar("second", "orders"));

        Assert.Equal(2, On(result, SidecarCodes.MultipleDefaultSidecars).Count);
        Assert.Empty(On(result, AmbientCodes.SidecarWithoutEffect));
    }

    [Fact]
    public void A_selecting_sidecar_in_an_ambient_namespace_needs_an_ambient_pod()
    {
        // Istio judges a Sidecar with a selector by the pods it selects, not by the namespace's label.
        var result = Lint(Namespace("orders", "{istio.io/dataplane-mode: ambient}"), Sidecar("scoped", "orders", "{app: checkout}"));

        Assert.Empty(On(result, AmbientCodes.SidecarWithoutEffect));
    }
}
