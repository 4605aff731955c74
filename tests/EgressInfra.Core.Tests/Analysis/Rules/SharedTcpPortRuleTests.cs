using EgressInfra.Core.Diagnostics;
using static EgressInfra.Core.Tests.Analysis.TestEntries;

namespace EgressInfra.Core.Tests.Analysis.Rules;

public class SharedTcpPortRuleTests
{
    private static readonly string Code = AnalysisCodes.SharedTcpPort.Code;

    [Fact]
    public void TwoTcpEntriesOnOnePort_SameNamespace_BothReported()
    {
        var findings = Findings(
            Code,
            Entry("orders-db", hosts: ["orders.db.vendor.com"], ports: ["5432/TCP"]),
            Entry("billing-db", hosts: ["billing.db.vendor.com"], ports: ["5432"]));

        Assert.Equal(2, findings.Count);
        Assert.Equal("spec.ports[0]", findings[0].Diagnostic.Path);
        Assert.Contains("ServiceEntry billing-db in the same namespace", findings[0].Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("ServiceEntry orders-db in the same namespace", findings[1].Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("0.0.0.0:5432", findings[0].Diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".", ".", false)]   // payments and orders each see one
    [InlineData("*", ".", true)]    // the public one meets the other in orders
    [InlineData("orders", ".", true)]
    public void Scope_DecidesWhetherEntriesMeet(string exportA, string exportB, bool conflicts)
    {
        var findings = Findings(
            Code,
            Entry("a", ns: "payments", hosts: ["a.db.vendor.com"], ports: ["3306/MySQL"], exportTo: [exportA]),
            Entry("b", ns: "orders", hosts: ["b.db.vendor.com"], ports: ["3306/TCP"], exportTo: [exportB]));

        Assert.Equal(conflicts ? 2 : 0, findings.Count);
    }

    [Fact]
    public void WithAddresses_OrDifferentPorts_Passes()
    {
        Assert.Empty(Findings(
            Code,
            Entry("a", ports: ["5432/TCP"], addresses: ["10.0.0.1"]),
            Entry("b", ports: ["5432/TCP"], addresses: ["10.0.0.2"]),
            Entry("c", ports: ["5433/TCP"]),
            Entry("d", ports: ["5432/TLS"])));
    }

    // One service placed in two namespaces yields two identical entries: same destination, no conflict.
    [Fact]
    public void CopiesOfOneServiceInSeveralNamespaces_Pass()
    {
        Assert.Empty(Findings(
            Code,
            Entry("db", ns: "payments", hosts: ["db.vendor.com"], ports: ["5432/TCP"], exportTo: ["*"]),
            Entry("db", ns: "orders", hosts: ["db.vendor.com"], ports: ["5432/TCP"], exportTo: ["*"])));
    }
}
