using EgressInfra.Core.Validation.Istio;

namespace EgressInfra.Core.Tests.Validation.Istio;

public class MetadataRulesTests
{
    // validateMetadata runs first and returns its one error alone, even when the spec is broken too.
    [Fact]
    public void DryRunAnnotation_IsTheOnlyFinding()
    {
        var entry = Se.Make(hosts: ["*"], annotations: [("istio.io/dry-run", "true")]);

        var findings = Se.Check(entry);

        var only = Assert.Single(findings);
        Assert.Equal("EGR100", only.Code);
        Assert.Equal("metadata.annotations[\"istio.io/dry-run\"]", only.Path);
        Assert.Contains("payments/api", only.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("internal.istio.io/webhook-always-reject")]
    [InlineData("internal.istio.io/parent-namespace")]
    [InlineData("internal.istio.io/parents")]
    public void InternalAnnotation_IsRejected(string key)
    {
        Assert.Equal([$"EGR101 metadata.annotations[\"{key}\"]"], Se.Findings(Se.Make(annotations: [(key, "x")])));
    }

    [Fact]
    public void DryRun_IsReportedBeforeInternalAnnotations()
    {
        var entry = Se.Make(annotations: [("internal.istio.io/parents", "x"), ("istio.io/dry-run", "false")]);

        Assert.Equal(["EGR100"], Se.Codes(entry));
    }

    [Fact]
    public void OtherAnnotations_AreFine()
    {
        Assert.Empty(Se.Check(Se.Make(annotations: [("egress.example.com/owner", "team"), ("istio.io/other", "x")])));
    }

    // istioctl analyze passes no labels or annotations to the validation function.
    [Fact]
    public void AnalyzeMode_IgnoresAnnotations()
    {
        var entry = Se.Make(annotations: [("istio.io/dry-run", "true")]);

        Assert.Empty(Se.Check(entry, IstioValidationOptions.Analyze));
    }
}
