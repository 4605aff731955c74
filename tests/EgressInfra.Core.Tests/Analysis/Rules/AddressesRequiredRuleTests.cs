using EgressInfra.Core.Diagnostics;
using static EgressInfra.Core.Tests.Analysis.TestEntries;

namespace EgressInfra.Core.Tests.Analysis.Rules;

public class AddressesRequiredRuleTests
{
    private static readonly string Code = AnalysisCodes.AddressesRequired.Code;

    // istioctl analyze ignores resolution and compares "tcp" case-insensitively; so do we.
    [Theory]
    [InlineData("5432/TCP", "DNS")]
    [InlineData("5432/tcp", "NONE")]
    [InlineData("5432/Tcp", null)]
    public void TcpPortWithoutAddresses_IsReported(string port, string? resolution)
    {
        var finding = Assert.Single(Findings(Code, Entry("db", ports: [port], resolution: resolution)));

        Assert.Equal("spec.ports[0].protocol", finding.Diagnostic.Path);
        Assert.Contains("IST0134", finding.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(Severity.Warning, finding.Diagnostic.Severity);
    }

    [Fact]
    public void UnsetProtocol_IsReportedAtThePort()
    {
        var finding = Assert.Single(Findings(Code, Entry("db", ports: ["443/TLS", "5432"])));

        Assert.Equal("spec.ports[1]", finding.Diagnostic.Path);
    }

    [Theory]
    [InlineData("5432/TCP", new[] { "10.0.0.1/32" })]
    [InlineData("443/TLS", new string[0])]
    [InlineData("3306/MySQL", new string[0])]
    public void AddressesOrANonTcpProtocol_Pass(string port, string[] addresses)
    {
        Assert.Empty(Findings(Code, Entry("db", ports: [port], addresses: addresses)));
    }

    [Fact]
    public void Descriptor_NamesTheIstioCode()
    {
        Assert.StartsWith("IST0134", AnalysisCodes.AddressesRequired.IstioCounterpart, StringComparison.Ordinal);
    }
}
