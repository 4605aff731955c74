using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Lint;

namespace EgressInfra.Core.Tests.Lint;

/// <summary>lint agrees with Istio's webhook on every case of Istio's own Sidecar validation tests, and with istioctl's IST0111/IST0110.</summary>
public sealed class SidecarValidationTests
{
    public static TheoryData<string, string, bool> Cases => IstioSidecarCases.All;

    [Theory]
    [MemberData(nameof(Cases))]
    public void LintRejectsExactlyWhatIstioRejects(string name, string spec, bool istioAdmits)
    {
        var result = ManifestLinter.Lint([("sidecar.yaml", IstioSidecarCases.Document(spec))]);
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.True(istioAdmits == (errors.Count == 0), $"{name}: Istio {(istioAdmits ? "admits" : "rejects")} it; lint said:\n{string.Join("\n", result.Diagnostics)}");
        Assert.All(result.Diagnostics, d => Assert.NotNull(d.Location));
    }

    [Fact]
    public void TwoSelectorLessSidecarsInANamespaceAreIst0111()
    {
        var text = IstioSidecarCases.Document("{ egress: [{ hosts: [\"./*\"] }] }") + "---\n"
            + IstioSidecarCases.Document("{ egress: [{ hosts: [\"istio-system/*\"] }] }").Replace("name: foo", "name: other", StringComparison.Ordinal);
        var result = ManifestLinter.Lint([("sidecars.yaml", text)]);
        Assert.Equal(2, result.Diagnostics.Count(d => d.Code == SidecarCodes.MultipleDefaultSidecars.Code && d.IsError));
    }

    // ValidateFQDN admits no wildcard: the egress proxy's host is a plain name, so the finding must not offer '*.'.
    [Theory]
    [InlineData("*.proxy.example.com")]
    [InlineData("proxy.*.com")]
    [InlineData("*")]
    public void EgressProxyWildcardHostIsRejectedAsAPlainName(string host)
    {
        var spec = $"{{ outboundTrafficPolicy: {{ mode: ALLOW_ANY, egressProxy: {{ host: \"{host}\", port: {{ number: 3128 }} }} }}, egress: [{{ hosts: [\"*/*\"] }}] }}";
        var result = ManifestLinter.Lint([("sidecar.yaml", IstioSidecarCases.Document(spec))]);

        var findings = result.Diagnostics.Where(d => d.IsError && d.Path == "spec.outboundTrafficPolicy.egressProxy.host").ToList();
        Assert.Contains(findings, d => d.Message.Contains("may not have one anywhere", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, d => d.Message.Contains("only a leading", StringComparison.Ordinal));
    }

    [Fact]
    public void SelectorLessSidecarsInDifferentNamespacesAreFine()
    {
        var text = IstioSidecarCases.Document("{ egress: [{ hosts: [\"./*\"] }] }") + "---\n"
            + IstioSidecarCases.Document("{ egress: [{ hosts: [\"./*\"] }] }").Replace("namespace: bar", "namespace: baz", StringComparison.Ordinal);
        Assert.DoesNotContain(ManifestLinter.Lint([("sidecars.yaml", text)]).Diagnostics, d => d.IsError);
    }

    [Theory]
    [InlineData("{ app: web }", "{ app: web }", true)]
    [InlineData("{ app: web }", "{ app: web, version: v1 }", true)]
    [InlineData("{ app: web }", "{ app: api }", false)]
    public void OverlappingSelectorsAreIst0110(string first, string second, bool conflict)
    {
        var text = IstioSidecarCases.Document($"{{ workloadSelector: {{ labels: {first} }}, egress: [{{ hosts: [\"./*\"] }}] }}") + "---\n"
            + IstioSidecarCases.Document($"{{ workloadSelector: {{ labels: {second} }}, egress: [{{ hosts: [\"./*\"] }}] }}").Replace("name: foo", "name: other", StringComparison.Ordinal);
        var result = ManifestLinter.Lint([("sidecars.yaml", text)]);
        Assert.Equal(conflict, result.Diagnostics.Any(d => d.Code == SidecarCodes.ConflictingSelectors.Code && d.IsError));
    }

    [Theory]
    [InlineData("istio-system/*", true)]
    [InlineData("./*", true)]
    [InlineData("~/*", true)]
    [InlineData("orders/orders-api.orders.svc.cluster.local", true)]
    [InlineData("*", false)]
    [InlineData("istio-system", false)]
    [InlineData("istio-system/istiod", false)]
    [InlineData("istio-system/*istiod.com", false)]
    [InlineData("istio-system/10.0.0.1", false)]
    [InlineData("Istio_System/*", false)]
    [InlineData("/*", false)]
    public void SidecarImportsGetIstiosHostRules(string import, bool valid)
    {
        var plan = StackText.Evaluate(StackText.WithServices(
            "- name: stripe-api\n  hosts: [api.stripe.com]\n  ports: [{ number: 443, protocol: TLS }]\n  owner: team-payments\n  reason: Cards.",
            extraEgress: $"sidecarImports: [\"{import}\"]"));
        Assert.Equal(valid, !plan.Diagnostics.Any(d => d.Code == SidecarCodes.InvalidEgressHost.Code && d.Path == "egress.sidecarImports[0]"));
    }
}
