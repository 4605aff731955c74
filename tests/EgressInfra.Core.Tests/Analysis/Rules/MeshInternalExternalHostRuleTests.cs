using EgressInfra.Core.Diagnostics;
using static EgressInfra.Core.Tests.Analysis.TestEntries;

namespace EgressInfra.Core.Tests.Analysis.Rules;

public class MeshInternalExternalHostRuleTests
{
    private static readonly string Code = AnalysisCodes.MeshInternalExternalHost.Code;

    [Fact]
    public void PublicNameDeclaredMeshInternal_IsReportedAtLocation()
    {
        var finding = Assert.Single(Findings(Code, Entry("stripe", hosts: ["api.stripe.com"], location: "MESH_INTERNAL")));

        Assert.Equal("spec.location", finding.Diagnostic.Path);
        Assert.Contains("api.stripe.com", finding.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("orders-db.prod.internal", "MESH_INTERNAL")]
    [InlineData("legacy.billing.svc.cluster.local", "MESH_INTERNAL")]
    [InlineData("vm-billing", "MESH_INTERNAL")]
    [InlineData("api.stripe.com", "MESH_EXTERNAL")]
    [InlineData("api.stripe.com", null)]
    public void InternalNameOrMeshExternal_Passes(string host, string? location)
    {
        Assert.Empty(Findings(Code, Entry("svc", hosts: [host], location: location)));
    }
}
