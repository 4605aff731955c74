using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Tests.Validation.Istio;

public class MultiHostRulesTests
{
    private static readonly string[] TwoHosts = ["a.example.com", "b.example.com"];

    // Rule 40: every resolution except NONE, and an unset protocol counts as non-HTTP, non-TLS.
    [Theory]
    [InlineData("STATIC", "TCP")]
    [InlineData("DNS", "TCP")]
    [InlineData("DNS_ROUND_ROBIN", "Mongo")]
    [InlineData("DNS", "UDP")]
    [InlineData("STATIC", "")]
    [InlineData("DNS", null)]
    public void SeveralHosts_WithANonHttpTlsPort_AreRejected(string resolution, string? protocol)
    {
        var entry = Se.Make(hosts: TwoHosts, resolution: resolution, ports: [Se.Port(443, "TLS"), Se.Port(5432, protocol, "db"), Se.Port(5433, protocol, "db2")]);

        var finding = Assert.Single(Se.Check(entry));
        Assert.Equal(("EGR140", "spec.ports[1].protocol", Severity.Error), (finding.Code, finding.Path, finding.Severity));
    }

    [Fact]
    public void SeveralHosts_WithNoneResolution_AreExempt()
    {
        Assert.Empty(Se.Check(Se.Make(hosts: TwoHosts, resolution: "NONE", addresses: ["10.0.0.1"], ports: [Se.Port(5432, "TCP")])));
    }

    [Theory]
    [InlineData("HTTP")]
    [InlineData("GRPC-Web")]
    [InlineData("HTTPS")]
    [InlineData("TLS")]
    public void SeveralHosts_WithHttpOrTlsPorts_AreFine(string protocol)
    {
        Assert.Empty(Se.Check(Se.Make(hosts: TwoHosts, resolution: "STATIC", ports: [Se.Port(443, protocol)])));
    }

    [Fact]
    public void OneHost_WithTcp_IsFine()
    {
        Assert.Empty(Se.Check(Se.Make(resolution: "DNS", ports: [Se.Port(5432, "TCP")])));
    }

    // Rule 32: with TLS ports the warning is the only finding, since rule 40 spares the TLS family.
    [Theory]
    [InlineData("DNS", "TLS")]
    [InlineData("DNS_ROUND_ROBIN", "HTTPS")]
    public void SeveralHosts_WithAddressesAndATcpFamilyPort_WarnOnce(string resolution, string protocol)
    {
        var entry = Se.Make(hosts: TwoHosts, addresses: ["10.0.0.1"], resolution: resolution, ports: [Se.Port(443, protocol), Se.Port(8443, protocol, "second")]);

        var finding = Assert.Single(Se.Check(entry));
        Assert.Equal(("EGR132", "spec.hosts", Severity.Warning), (finding.Code, finding.Path, finding.Severity));
    }

    [Fact]
    public void AddressesAndTcp_WarnAndAreRejected()
    {
        var entry = Se.Make(hosts: TwoHosts, addresses: ["10.0.0.1"], resolution: "DNS", ports: [Se.Port(5432, "TCP")]);

        Assert.Equal(["EGR132", "EGR140"], Se.Codes(entry));
    }

    [Theory]
    [InlineData("STATIC", "TLS")]
    [InlineData("DNS", "HTTP")]
    [InlineData("DNS", "")]
    public void Rule32_NeedsDnsAndATcpFamilyPort(string resolution, string protocol)
    {
        var entry = Se.Make(hosts: TwoHosts, addresses: ["10.0.0.1"], resolution: resolution, ports: [Se.Port(443, protocol, "p")]);

        Assert.DoesNotContain("EGR132", Se.Codes(entry));
    }
}
