using EgressInfra.Core.Diagnostics;
using static EgressInfra.Core.Tests.Analysis.TestEntries;

namespace EgressInfra.Core.Tests.Analysis.Rules;

public class WildcardSiblingsRuleTests
{
    private static readonly string Code = AnalysisCodes.WildcardGrantsSiblings.Code;

    [Fact]
    public void WildcardWithResolutionNone_IsReportedAtTheHost()
    {
        var finding = Assert.Single(Findings(Code, Entry("gcp", hosts: ["storage.googleapis.com", "*.googleapis.com"], resolution: "NONE")));

        Assert.Equal("spec.hosts[1]", finding.Diagnostic.Path);
        Assert.Contains("every name under googleapis.com", finding.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*.googleapis.com", "DYNAMIC_DNS")]
    [InlineData("storage.googleapis.com", "NONE")]
    public void DynamicDnsOrExactHost_Passes(string host, string resolution)
    {
        Assert.Empty(Findings(Code, Entry("gcp", hosts: [host], resolution: resolution)));
    }
}
