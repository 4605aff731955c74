using EgressInfra.Core.Diagnostics;
using static EgressInfra.Core.Tests.Analysis.TestEntries;

namespace EgressInfra.Core.Tests.Analysis.Rules;

public class HttpOnTlsPortRuleTests
{
    private static readonly string Code = AnalysisCodes.HttpOnTlsPort.Code;

    // Istio gates an HTTP port's chain on 0.0.0.0 by the HTTP inspector: TLS misses it and takes the default chain.
    [Theory]
    [InlineData("443/HTTP")]
    [InlineData("443/http2")]
    [InlineData("443/GRPC")]
    public void HttpFamilyOn443_IsReported(string port)
    {
        var finding = Assert.Single(Findings(Code, Entry("api", ports: ["80/HTTP", port])));

        Assert.Equal("spec.ports[1].protocol", finding.Diagnostic.Path);
        Assert.Contains("BlackHoleCluster under REGISTRY_ONLY", finding.Diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong version number", finding.Diagnostic.Message, StringComparison.Ordinal);
    }

    // HTTP_PROXY's chain has no match, so its connection manager parses every TLS connection on the port.
    [Theory]
    [InlineData("443/HTTP_PROXY")]
    [InlineData("443/http_proxy")]
    public void HttpProxyOn443_IsReportedAsParsingTls(string port)
    {
        var finding = Assert.Single(Findings(Code, Entry("api", ports: [port])));

        Assert.Contains("wrong version number", finding.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("443/TLS")]
    [InlineData("443/HTTPS")]
    [InlineData("8443/HTTP")]
    public void TlsOn443OrHttpElsewhere_Passes(string port)
    {
        Assert.Empty(Findings(Code, Entry("api", ports: [port])));
    }
}
