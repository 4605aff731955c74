using EgressInfra.Core.Diagnostics;
using static EgressInfra.Core.Tests.Analysis.TestEntries;

namespace EgressInfra.Core.Tests.Analysis.Rules;

public class ExportedToMeshRuleTests
{
    private static readonly string Code = AnalysisCodes.ExportedToMesh.Code;

    [Theory]
    [InlineData(new string[0], "spec.exportTo", "omitted")]
    [InlineData(new[] { "*" }, "spec.exportTo[0]", "'*'")]
    public void PublicExport_IsReported(string[] exportTo, string path, string how)
    {
        var finding = Assert.Single(Findings(Code, Entry("api", exportTo: exportTo)));

        Assert.Equal(path, finding.Diagnostic.Path);
        Assert.Contains(how, finding.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("orders")]
    [InlineData("~")]
    public void ScopedExport_Passes(string exportTo)
    {
        Assert.Empty(Findings(Code, Entry("api", exportTo: [exportTo])));
    }
}
