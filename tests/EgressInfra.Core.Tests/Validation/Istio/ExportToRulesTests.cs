namespace EgressInfra.Core.Tests.Validation.Istio;

public class ExportToRulesTests
{
    public static TheoryData<string[]> ValidLists =>
    [
        [],
        ["."],
        ["*"],
        ["~"],
        [".", "orders"],
        ["Orders", "istio-system"],
    ];

    [Theory]
    [MemberData(nameof(ValidLists))]
    public void ValidExportTo_HasNoFindings(string[] exportTo)
    {
        Assert.Empty(Se.Check(Se.Make(exportTo: exportTo)));
    }

    [Fact]
    public void DotThenOwnNamespace_IsADuplicateOfTheNamespace()
    {
        var finding = Assert.Single(Se.Check(Se.Make(exportTo: [".", "payments"])));

        Assert.Equal(("EGR141", "spec.exportTo[1]"), (finding.Code, finding.Path));
        Assert.Contains("'.' already covers", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OwnNamespaceThenDot_IsADuplicateOfTheDot()
    {
        var finding = Assert.Single(Se.Check(Se.Make(exportTo: ["payments", "."])));

        Assert.Equal(("EGR141", "spec.exportTo[1]"), (finding.Code, finding.Path));
        Assert.Contains("'.' and the entry's own namespace 'payments'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DotAndAnotherNamespace_AreNotDuplicates()
    {
        Assert.Empty(Se.Check(Se.Make(exportTo: [".", "orders"], ns: "payments")));
    }

    [Fact]
    public void MissingNamespace_IsTakenAsDefault()
    {
        Assert.Equal(["EGR141 spec.exportTo[1]"], Se.Findings(Se.Make(exportTo: [".", "default"], ns: null)));
    }

    [Fact]
    public void RepeatedNamespace_IsADuplicate()
    {
        Assert.Equal(["EGR141 spec.exportTo[2]"], Se.Findings(Se.Make(exportTo: ["orders", "billing", "orders"])));
    }

    [Fact]
    public void LongList_StillFindsDuplicatesAndTheDot()
    {
        var exportTo = Enumerable.Range(0, 20).Select(i => $"ns{i}").Append("ns3").Append(".").Append("payments").ToArray();

        Assert.Equal(["EGR141 spec.exportTo[20]", "EGR141 spec.exportTo[22]"], Se.Findings(Se.Make(exportTo: exportTo)));
    }

    [Theory]
    [InlineData("ns/name")]
    [InlineData("team_a")]
    [InlineData("")]
    [InlineData("-ns")]
    public void InvalidItem_IsRejected(string item)
    {
        Assert.Equal(["EGR142 spec.exportTo[1]"], Se.Findings(Se.Make(exportTo: [".", item])));
    }

    [Fact]
    public void StarWithOthers_IsRejected()
    {
        Assert.Equal(["EGR143 spec.exportTo"], Se.Findings(Se.Make(exportTo: ["*", "orders"])));
    }

    [Fact]
    public void TildeWithOthers_IsRejected()
    {
        Assert.Equal(["EGR144 spec.exportTo"], Se.Findings(Se.Make(exportTo: ["~", "."])));
    }

    [Fact]
    public void TwoTildes_AreADuplicateAndMoreThanOne()
    {
        Assert.Equal(["EGR141 spec.exportTo[1]", "EGR144 spec.exportTo"], Se.Findings(Se.Make(exportTo: ["~", "~"])));
    }

    [Fact]
    public void StarAndTilde_BreakBothRules()
    {
        Assert.Equal(["EGR143 spec.exportTo", "EGR144 spec.exportTo"], Se.Findings(Se.Make(exportTo: ["*", "~"])));
    }
}
