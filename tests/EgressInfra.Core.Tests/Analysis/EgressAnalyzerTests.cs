using EgressInfra.Core.Analysis;
using EgressInfra.Core.Diagnostics;
using static EgressInfra.Core.Tests.Analysis.TestEntries;

namespace EgressInfra.Core.Tests.Analysis;

public class EgressAnalyzerTests
{
    [Fact]
    public void NoEntries_NoFindings()
    {
        Assert.Empty(EgressAnalyzer.Analyze([]));
    }

    // The pipeline and egressctl lint map findings themselves: resource set, path relative to the manifest.
    [Fact]
    public void Findings_NameTheirEntryAndUseManifestPaths()
    {
        var findings = Analyze(
            Entry("quiet", ns: "orders"),
            Entry("loud", ns: "payments", ports: ["443/HTTP"], exportTo: []));

        Assert.NotEmpty(findings);
        Assert.All(findings, f =>
        {
            Assert.Equal(1, f.EntryIndex);
            Assert.Equal("ServiceEntry payments/loud", f.Diagnostic.Resource);
            Assert.StartsWith("spec.", f.Diagnostic.Path, StringComparison.Ordinal);
            Assert.NotNull(f.Diagnostic.Hint);
        });
    }

    [Fact]
    public void EveryRule_HasACatalogedWarningCodeInItsRange()
    {
        Assert.All(EgressAnalyzer.Rules, r =>
        {
            Assert.Contains(r.Descriptor, DiagnosticCatalog.All);
            Assert.Equal(Severity.Warning, r.Descriptor.DefaultSeverity);
            Assert.InRange(int.Parse(r.Descriptor.Code[3..], System.Globalization.CultureInfo.InvariantCulture), 200, 249);
        });
        Assert.Equal(EgressAnalyzer.Rules.Count, EgressAnalyzer.Rules.Select(r => r.Descriptor.Code).Distinct().Count());
        Assert.Equal(AnalysisCodes.All.Count, EgressAnalyzer.Rules.Count);
    }

    [Fact]
    public void SameInput_SameFindingsInTheSameOrder()
    {
        var entries = new[]
        {
            Entry("a", hosts: ["x.vendor.com"], ports: ["5432/TCP"]),
            Entry("b", hosts: ["x.vendor.com"], ports: ["5432"]),
            Entry("c", hosts: ["y.vendor.com"], ports: ["5432/TCP"], exportTo: ["*"]),
        };

        Assert.Equal(Analyze(entries), Analyze(entries));
    }

    // Thousands of entries colliding on one port must not make messages or work grow with the square.
    [Fact]
    public void ManyEntriesOnOnePort_EachFindingNamesAFewOthers()
    {
        var entries = Enumerable.Range(0, 5000)
            .Select(i => Entry($"db-{i}", hosts: [$"db{i}.vendor.com"], ports: ["5432/TCP"]))
            .ToArray();

        var shared = Findings(AnalysisCodes.SharedTcpPort.Code, entries);

        Assert.Equal(5000, shared.Count);
        Assert.All(shared, f => Assert.Contains("and others", f.Diagnostic.Message, StringComparison.Ordinal));
    }
}
