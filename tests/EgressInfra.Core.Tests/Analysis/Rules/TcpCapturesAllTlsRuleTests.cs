using EgressInfra.Core.Diagnostics;
using static EgressInfra.Core.Tests.Analysis.TestEntries;

namespace EgressInfra.Core.Tests.Analysis.Rules;

public class TcpCapturesAllTlsRuleTests
{
    private static readonly string Code = AnalysisCodes.TcpCapturesAllTls.Code;

    [Fact]
    public void TcpOn443WithoutAddresses_DnsResolution_SaysOtherDomainsGetItsCertificate()
    {
        var finding = Assert.Single(Findings(Code, Entry("api", hosts: ["api.vendor.com"], ports: ["443/TCP"])));

        Assert.Equal("spec.ports[0].protocol", finding.Diagnostic.Path);
        Assert.Contains("api.vendor.com", finding.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("certificate", finding.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnsetOn443WithoutAddresses_NoneResolution_SaysRegistryOnlyIsBypassed()
    {
        var finding = Assert.Single(Findings(Code, Entry("api", ports: ["443"], resolution: "NONE")));

        Assert.Equal("spec.ports[0]", finding.Diagnostic.Path);
        Assert.Contains("REGISTRY_ONLY", finding.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TcpOn443WithAddresses_OrTls_Passes()
    {
        Assert.Empty(Findings(
            Code,
            Entry("a", ports: ["443/TCP"], addresses: ["203.0.113.10"]),
            Entry("b", ports: ["443/TLS"])));
    }
}
