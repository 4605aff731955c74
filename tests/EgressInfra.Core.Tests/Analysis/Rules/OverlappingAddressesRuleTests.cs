using EgressInfra.Core.Diagnostics;
using static EgressInfra.Core.Tests.Analysis.TestEntries;

namespace EgressInfra.Core.Tests.Analysis.Rules;

public class OverlappingAddressesRuleTests
{
    private static readonly string Code = AnalysisCodes.OverlappingAddresses.Code;

    [Fact]
    public void OverlappingCidrsOnOnePort_ReportedOnBothAtTheAddress()
    {
        var findings = Findings(
            Code,
            Entry("wide", ports: ["5432/TCP"], addresses: ["192.0.2.1", "10.0.0.0/8"], resolution: "NONE"),
            Entry("narrow", ports: ["5432/TCP"], addresses: ["10.20.0.0/16"], resolution: "NONE"));

        Assert.Equal(["spec.addresses[1]", "spec.addresses[0]"], findings.Select(f => f.Diagnostic.Path));
        Assert.Contains("10.0.0.0/8 overlaps 10.20.0.0/16 of ServiceEntry narrow in the same namespace on port 5432", findings[0].Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("the shared IPs reach only the narrower entry's destination", findings[0].Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SameCidr_Counts()
    {
        var findings = Findings(
            Code,
            Entry("a", ports: ["22/TCP"], addresses: ["140.82.112.0/20"], resolution: "NONE"),
            Entry("b", ports: ["22/TCP"], addresses: ["140.82.112.0/20"], resolution: "NONE"));

        Assert.Equal(2, findings.Count);
        Assert.Contains("is also declared by", findings[0].Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("keeps the first entry's filter chain", findings[0].Diagnostic.Message, StringComparison.Ordinal);
    }

    // Go's netip keeps host bits in a prefix; 10.1.2.3/16 covers 10.1.0.0–10.1.255.255.
    [Fact]
    public void HostBitsSet_CoverTheWholePrefix()
    {
        Assert.Equal(2, Findings(
            Code,
            Entry("a", ports: ["22/TCP"], addresses: ["10.1.2.3/16"], resolution: "NONE"),
            Entry("b", ports: ["22/TCP"], addresses: ["10.1.250.9"], resolution: "NONE")).Count);
    }

    [Fact]
    public void Ipv6Ranges_Overlap()
    {
        Assert.Equal(2, Findings(
            Code,
            Entry("a", ports: ["443/TLS"], addresses: ["2001:db8::/32"], resolution: "NONE"),
            Entry("b", ports: ["443/TLS"], addresses: ["2001:db8:1::5"], resolution: "NONE")).Count);
    }

    [Fact]
    public void DisjointRangesOtherPortsOtherFamiliesOrOwnAddresses_Pass()
    {
        Assert.Empty(Findings(
            Code,
            Entry("a", ports: ["5432/TCP"], addresses: ["10.0.0.0/24", "10.0.0.7"], resolution: "NONE"),
            Entry("b", ports: ["5432/TCP"], addresses: ["10.0.1.0/24"], resolution: "NONE"),
            Entry("c", ports: ["5433/TCP"], addresses: ["10.0.0.0/8"], resolution: "NONE"),
            Entry("d", ports: ["5432/TCP"], addresses: ["::ffff:0:0/96"], resolution: "NONE")));
    }

    [Theory]
    [InlineData(".", ".", false)]
    [InlineData("*", ".", true)]
    [InlineData(".", "payments", true)]
    public void Scope_DecidesWhetherEntriesMeet(string exportA, string exportB, bool overlaps)
    {
        var findings = Findings(
            Code,
            Entry("a", ns: "payments", ports: ["5432/TCP"], addresses: ["10.0.0.0/8"], resolution: "NONE", exportTo: [exportA]),
            Entry("b", ns: "orders", ports: ["5432/TCP"], addresses: ["10.0.0.5"], resolution: "NONE", exportTo: [exportB]));

        Assert.Equal(overlaps ? 2 : 0, findings.Count);
    }
}
