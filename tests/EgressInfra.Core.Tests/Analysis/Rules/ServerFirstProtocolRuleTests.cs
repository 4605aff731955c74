using EgressInfra.Core.Diagnostics;
using static EgressInfra.Core.Tests.Analysis.TestEntries;

namespace EgressInfra.Core.Tests.Analysis.Rules;

public class ServerFirstProtocolRuleTests
{
    private static readonly string Code = AnalysisCodes.ServerFirstProtocol.Code;

    [Theory]
    [InlineData("3306", "spec.ports[0]", "MySQL")]
    [InlineData("25", "spec.ports[0]", "TCP")]
    [InlineData("5432/HTTP", "spec.ports[0].protocol", "TCP")]
    [InlineData("6379/HTTP2", "spec.ports[0].protocol", "Redis")]
    [InlineData("27017", "spec.ports[0]", "Mongo")]
    public void ServerFirstUnsetOrNonHttpDeclaredHttp_IsReportedWithTheProtocolToUse(string port, string path, string suggested)
    {
        var finding = Assert.Single(Findings(Code, Entry("db", ports: [port], addresses: ["10.0.0.1"])));

        Assert.Equal(path, finding.Diagnostic.Path);
        Assert.Contains($"protocol: {suggested}", finding.Diagnostic.Hint, StringComparison.Ordinal);
    }

    // Istio's HTTP chain on 0.0.0.0 waits for the HTTP inspector (no timeout by default), HTTP_PROXY's parses anything.
    [Theory]
    [InlineData("3306/HTTP", "HTTP inspector waits")]
    [InlineData("5432/HTTP", "take the listener's default chain")]
    [InlineData("5432/HTTP_PROXY", "parses PostgreSQL bytes as HTTP")]
    [InlineData("25/HTTP_PROXY", "connection manager waits for a request")]
    [InlineData("25", "waits for the client's first bytes")]
    public void Symptom_FollowsTheChainIstioBuilds(string port, string symptom)
    {
        var finding = Assert.Single(Findings(Code, Entry("db", ports: [port], addresses: ["10.0.0.1"])));

        Assert.Contains(symptom, finding.Diagnostic.Message, StringComparison.Ordinal);
    }

    // PostgreSQL clients speak first, so sniffing detects TCP and works; only HTTP breaks it.
    [Theory]
    [InlineData("5432")]
    [InlineData("3306/MySQL")]
    [InlineData("25/TCP")]
    [InlineData("8080/HTTP")]
    public void ClientFirstUnsetOrDeclaredProtocol_Passes(string port)
    {
        Assert.Empty(Findings(Code, Entry("db", ports: [port], addresses: ["10.0.0.1"])));
    }
}
