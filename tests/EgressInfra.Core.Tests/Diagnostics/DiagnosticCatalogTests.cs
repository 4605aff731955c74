using System.Text.RegularExpressions;
using EgressInfra.Core.Diagnostics;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Diagnostics;

/// <summary>The catalog is the source of docs/diagnostics.md; these tests keep the two in step.</summary>
public partial class DiagnosticCatalogTests
{
    private static readonly string Doc = RepoPaths.ReadText("docs", "diagnostics.md");

    [Fact]
    public void Codes_AreUniqueAndWellFormed()
    {
        var codes = DiagnosticCatalog.All.Select(d => d.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code => Assert.Matches(CodePattern(), code));
    }

    // Every code a user can see is documented, in a table row that starts with the code and gives its severity.
    [Fact]
    public void EveryCode_IsDocumentedWithItsSeverity()
    {
        var rows = Doc.Split('\n')
            .Where(l => l.StartsWith("| EGR", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[1], cells => cells[2], StringComparer.Ordinal);

        Assert.All(DiagnosticCatalog.All, d =>
        {
            Assert.True(rows.TryGetValue(d.Code, out var severity), $"{d.Code} is missing from docs/diagnostics.md");
            Assert.Equal(d.DefaultSeverity.ToString(), severity);
        });
    }

    [Fact]
    public void EveryDescriptor_HasATitleAndAFix()
    {
        Assert.All(DiagnosticCatalog.All, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Title), d.Code);
            Assert.False(string.IsNullOrWhiteSpace(d.Fix), d.Code);
        });
    }

    // Istio's family names the Istio rule or message each code mirrors, and stays in its range.
    [Fact]
    public void IstioCodes_NameTheirIstioCounterpartAndStayInRange()
    {
        Assert.All(IstioCodes.All, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.IstioCounterpart), d.Code);
            Assert.InRange(int.Parse(d.Code.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture), 100, 149);
        });
        Assert.Subset(DiagnosticCatalog.All.ToHashSet(), IstioCodes.All.ToHashSet());
    }

    [Fact]
    public void Find_ReturnsTheDescriptor()
    {
        Assert.Same(IstioCodes.HostInvalid, DiagnosticCatalog.Find("EGR108"));
        Assert.Null(DiagnosticCatalog.Find("EGR999"));
    }

    [GeneratedRegex(@"^EGR\d{3}\z")]
    private static partial Regex CodePattern();
}
