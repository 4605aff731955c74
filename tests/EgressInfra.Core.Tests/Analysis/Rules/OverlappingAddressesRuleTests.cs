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

    // Istio binds an HTTP port to 0.0.0.0 whatever its addresses, so they build no competing match.
    [Theory]
    [InlineData("80/HTTP", "80/http", 0)]
    [InlineData("443/HTTP2", "443/GRPC-Web", 0)]
    [InlineData("80/HTTP", "80/TCP", 0)]
    [InlineData("5432", "5432/TCP", 2)]
    [InlineData("27017/Mongo", "27017/mongo", 2)]
    [InlineData("443/TLS", "443/tcp", 2)]
    public void OnlyPortsWhoseAddressesIstioBinds_Count(string portA, string portB, int expected)
    {
        var findings = Findings(
            Code,
            Entry("a", ports: [portA], addresses: ["10.0.0.0/8"], resolution: "NONE"),
            Entry("b", ports: [portB], addresses: ["10.0.0.0/8"], resolution: "NONE"));

        Assert.Equal(expected, findings.Count);
    }

    // A CIDR on a TLS port gets the host's SNI in its chain, so two TLS hosts may share one CIDR; a single
    // IP gets its own listener without SNI and takes every connection to it.
    [Theory]
    [InlineData("443/TLS", "140.82.112.0/20", "443/HTTPS", "140.82.112.0/20", 0)]
    [InlineData("443/TLS", "140.82.112.0/20", "443/TLS", "140.82.112.1/20", 0)]
    [InlineData("443/TLS", "140.82.112.5", "443/TLS", "140.82.112.5", 2)]
    [InlineData("443/TLS", "140.82.112.0/20", "443/TLS", "140.82.112.5", 2)]
    [InlineData("443/TLS", "140.82.112.0/20", "443/TLS", "140.82.112.0/24", 2)]
    [InlineData("443/TLS", "140.82.112.0/20", "443/TCP", "140.82.112.0/20", 2)]
    public void TlsCidrsAreToldApartBySni(string portA, string addressA, string portB, string addressB, int expected)
    {
        var findings = Findings(
            Code,
            Entry("a", ports: [portA], addresses: [addressA], resolution: "NONE"),
            Entry("b", ports: [portB], addresses: [addressB], resolution: "NONE"));

        Assert.Equal(expected, findings.Count);
    }

    [Fact]
    public void SniTwinDoesNotHideAThirdOverlap()
    {
        var findings = Findings(
            Code,
            Entry("a", ports: ["443/TLS"], addresses: ["140.82.112.0/20"], resolution: "NONE"),
            Entry("b", ports: ["443/TLS"], addresses: ["140.82.112.0/20"], resolution: "NONE"),
            Entry("c", ports: ["443/TCP"], addresses: ["140.82.112.7"], resolution: "NONE"));

        Assert.Equal(3, findings.Count);
        Assert.All(findings.Take(2), f => Assert.Contains("140.82.112.7", f.Diagnostic.Message, StringComparison.Ordinal));
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
