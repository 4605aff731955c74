using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Tests.Validation.Istio;

public class WorkloadSelectorRulesTests
{
    [Fact]
    public void SelectorWithLabels_UnderStatic_IsFine()
    {
        Assert.Empty(Se.Check(Se.Make(resolution: "STATIC", selector: Se.Selector(("app", "db")))));
    }

    [Fact]
    public void EmptyKey_IsRejected()
    {
        Assert.Equal(["EGR102 spec.workloadSelector.labels[\"\"]"], Se.Findings(Se.Make(resolution: "STATIC", selector: Se.Selector(("", "db")))));
    }

    [Theory]
    [InlineData("app", "*")]
    [InlineData("app", "db-*")]
    [InlineData("a*", "db")]
    public void Wildcard_IsRejected(string key, string value)
    {
        Assert.Equal(["EGR103"], Se.Codes(Se.Make(resolution: "STATIC", selector: Se.Selector((key, value)))));
    }

    [Fact]
    public void EmptyKeyWithWildcardValue_GivesBothErrors()
    {
        Assert.Equal(["EGR102", "EGR103"], Se.Codes(Se.Make(resolution: "STATIC", selector: Se.Selector(("", "*")))));
    }

    // Rules 3-4 end validation: no other error and no warning, however broken the rest is.
    [Fact]
    public void SelectorErrors_ShortCircuitEverythingElse()
    {
        var entry = Se.Make(
            hosts: ["*", "foo*.com"],
            addresses: ["010.0.0.1"],
            ports: [Se.Port(0, "HBONE")],
            resolution: null,
            endpoints: [Se.Endpoint("1.2.3.4")],
            selector: Se.Selector(("app", "*")),
            exportTo: ["*", "~"]);

        Assert.Equal(["EGR103"], Se.Codes(entry, new(CheckCrdSchema: false)));
    }

    [Fact]
    public void SelectorWithoutLabels_IsAWarning()
    {
        var findings = Se.Check(Se.Make(resolution: "STATIC", selector: Se.Selector()));

        var only = Assert.Single(findings);
        Assert.Equal(("EGR104", "spec.workloadSelector", Severity.Warning), (only.Code, only.Path, only.Severity));
    }

    [Fact]
    public void SelectorAndEndpoints_AreRejected()
    {
        var entry = Se.Make(resolution: "STATIC", selector: Se.Selector(("app", "db")), endpoints: [Se.Endpoint("10.0.0.1")]);

        Assert.Equal(["EGR105 spec.workloadSelector"], Se.Findings(entry));
    }
}
