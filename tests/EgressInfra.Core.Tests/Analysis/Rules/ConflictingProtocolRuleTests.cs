using EgressInfra.Core.Diagnostics;
using static EgressInfra.Core.Tests.Analysis.TestEntries;

namespace EgressInfra.Core.Tests.Analysis.Rules;

public class ConflictingProtocolRuleTests
{
    private static readonly string Code = AnalysisCodes.ConflictingProtocol.Code;

    [Fact]
    public void SameHostAndPort_DifferentProtocols_ReportedOnEveryEntryNamingTheOthers()
    {
        var findings = Findings(
            Code,
            Entry("a", hosts: ["api.vendor.com"], ports: ["443/TLS"]),
            Entry("b", hosts: ["api.vendor.com"], ports: ["443/HTTPS"]),
            Entry("c", hosts: ["api.vendor.com", "eu.vendor.com"], ports: ["443/TLS"]));

        Assert.Equal([0, 1, 2], findings.Select(f => f.EntryIndex));
        Assert.Contains("ServiceEntry b in the same namespace", findings[0].Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("ServiceEntry a in the same namespace", findings[1].Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("ServiceEntry c in the same namespace", findings[1].Diagnostic.Message, StringComparison.Ordinal);
        Assert.All(findings, f => Assert.Equal("spec.ports[0].protocol", f.Diagnostic.Path));
        Assert.All(findings, f => Assert.Contains("IST0177", f.Diagnostic.Message, StringComparison.Ordinal));
    }

    // Istio compares upper-cased protocols; "tls" and "TLS" are one protocol.
    [Fact]
    public void ProtocolsDifferingOnlyInCase_Pass()
    {
        Assert.Empty(Findings(
            Code,
            Entry("a", hosts: ["api.vendor.com"], ports: ["443/tls"]),
            Entry("b", hosts: ["api.vendor.com"], ports: ["443/TLS"])));
    }

    // An unset protocol is its own value, distinct from TCP.
    [Fact]
    public void UnsetAgainstTcp_Conflicts()
    {
        Assert.Equal(2, Findings(
            Code,
            Entry("a", hosts: ["db.vendor.com"], ports: ["5432"]),
            Entry("b", hosts: ["db.vendor.com"], ports: ["5432/TCP"])).Count);
    }

    [Fact]
    public void DifferentPortOrHost_Passes()
    {
        Assert.Empty(Findings(
            Code,
            Entry("a", hosts: ["api.vendor.com"], ports: ["443/TLS"]),
            Entry("b", hosts: ["api.vendor.com"], ports: ["80/HTTP"]),
            Entry("c", hosts: ["www.vendor.com"], ports: ["443/HTTP"])));
    }

    [Theory]
    [InlineData(".", "payments", ".", "orders", false)]          // each visible only in its own namespace
    [InlineData(".", "payments", ".", "payments", true)]         // both in payments
    [InlineData("*", "payments", ".", "orders", true)]           // a public entry collides with every scope
    [InlineData("", "payments", ".", "orders", true)]            // exportTo omitted is public
    [InlineData("orders", "payments", ".", "orders", true)]      // exported into the other's namespace
    [InlineData("orders", "payments", "billing", "orders", false)] // visible in orders and in billing: never together
    [InlineData("~", "payments", "*", "orders", false)]          // exported to no one: no proxy sees it
    public void Scope_DecidesWhetherEntriesMeet(string exportA, string nsA, string exportB, string nsB, bool conflicts)
    {
        var findings = Findings(
            Code,
            Entry("a", ns: nsA, hosts: ["api.vendor.com"], ports: ["443/TLS"], exportTo: exportA.Length == 0 ? [] : [exportA]),
            Entry("b", ns: nsB, hosts: ["api.vendor.com"], ports: ["443/HTTP"], exportTo: exportB.Length == 0 ? [] : [exportB]));

        Assert.Equal(conflicts ? 2 : 0, findings.Count);
    }

    [Fact]
    public void EntryOfAnotherNamespace_IsNamedWithItsNamespace()
    {
        var findings = Findings(
            Code,
            Entry("a", ns: "payments", hosts: ["api.vendor.com"], ports: ["443/TLS"], exportTo: ["*"]),
            Entry("b", ns: "orders", hosts: ["api.vendor.com"], ports: ["443/HTTP"]));

        Assert.Contains("as HTTP by ServiceEntry orders/b", findings[0].Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("as TLS by ServiceEntry payments/a", findings[1].Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullNamespace_IsTheDefaultNamespace()
    {
        Assert.Equal(2, Findings(
            Code,
            Entry("a", ns: null, hosts: ["api.vendor.com"], ports: ["443/TLS"]),
            Entry("b", ns: "orders", hosts: ["api.vendor.com"], ports: ["443/HTTP"], exportTo: ["default"])).Count);
    }

    [Fact]
    public void PortsOfOneEntry_Conflict()
    {
        var finding = Findings(Code, Entry("a", hosts: ["api.vendor.com"], ports: ["8443/TLS", "8443/HTTP"]));

        Assert.Equal(["spec.ports[0].protocol", "spec.ports[1].protocol"], finding.Select(f => f.Diagnostic.Path));
        Assert.Contains("spec.ports[1] of this entry", finding[0].Diagnostic.Message, StringComparison.Ordinal);
    }

    // Messages name a bounded number of entries however many collide.
    // (Each entry has a host of its own: entries with equal specs are one destination, named once.)
    [Fact]
    public void ManyConflictingEntries_NameAFewAndSayOthers()
    {
        var entries = Enumerable.Range(0, 50)
            .Select(i => Entry($"e{i}", hosts: ["api.vendor.com", $"e{i}.vendor.com"], ports: [i % 2 == 0 ? "443/TLS" : "443/HTTP"]))
            .ToArray();

        var findings = Findings(Code, entries);

        Assert.Equal(50, findings.Count);
        Assert.All(findings, f => Assert.Contains(" and others (IST0177)", f.Diagnostic.Message, StringComparison.Ordinal));
        Assert.All(findings, f => Assert.True(f.Diagnostic.Message.Length < 600, f.Diagnostic.Message));
    }
}
