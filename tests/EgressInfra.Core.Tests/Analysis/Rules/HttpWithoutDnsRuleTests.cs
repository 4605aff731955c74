using EgressInfra.Core.Diagnostics;
using static EgressInfra.Core.Tests.Analysis.TestEntries;

namespace EgressInfra.Core.Tests.Analysis.Rules;

public class HttpWithoutDnsRuleTests
{
    private static readonly string Code = AnalysisCodes.HttpWithoutDns.Code;

    [Theory]
    [InlineData("NONE")]
    [InlineData(null)]
    public void HttpWithResolutionNone_IsReportedAtResolution(string? resolution)
    {
        var finding = Assert.Single(Findings(Code, Entry("apt", hosts: ["deb.debian.org"], ports: ["80/HTTP", "443/TLS"], resolution: resolution)));

        Assert.Equal("spec.resolution", finding.Diagnostic.Path);
        Assert.Contains("'Host: deb.debian.org'", finding.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("80/HTTP", finding.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DNS", "80/HTTP")]
    [InlineData("STATIC", "80/HTTP")]
    [InlineData("NONE", "443/TLS")]
    public void DnsResolutionOrNonHttp_Passes(string resolution, string port)
    {
        Assert.Empty(Findings(Code, Entry("apt", ports: [port], resolution: resolution)));
    }
}
