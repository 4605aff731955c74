using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Lint;

namespace EgressInfra.Core.Tests.Lint;

/// <summary>Analysis findings that say what Istio really does: IST0134's allocated-address skip, and where EGR202 and EGR209 bite.</summary>
public sealed class AnalysisAsIstioTests
{
    private static string Entry(string spec, string status = "") =>
        $"apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: db\n  namespace: payments\nspec:\n{spec}{status}";

    private const string TcpWithoutAddresses = "  hosts: [db.example.com]\n  ports: [{ number: 5432, name: tcp, protocol: TCP }]\n  resolution: DNS\n  exportTo: [\".\"]\n";

    [Fact]
    public void Egr200_IsSkippedWhenIstioAllocatedAddresses()
    {
        var without = ManifestLinter.Lint([("se.yaml", Entry(TcpWithoutAddresses))]);
        var allocated = ManifestLinter.Lint([("se.yaml", Entry(TcpWithoutAddresses, "status:\n  addresses:\n  - { value: 240.240.0.1, host: db.example.com }\n"))]);

        Assert.Contains(without.Diagnostics, d => d.Code == AnalysisCodes.AddressesRequired.Code);
        Assert.DoesNotContain(allocated.Diagnostics, d => d.Code == AnalysisCodes.AddressesRequired.Code);
    }

    [Fact]
    public void Egr202_SaysTlsFallsThroughToTheDefaultChainWhereTheEntryIsImported()
    {
        var result = ManifestLinter.Lint([("se.yaml", Entry("  hosts: [api.example.com]\n  ports: [{ number: 443, name: http, protocol: HTTP }]\n  resolution: DNS\n  exportTo: [\".\"]\n"))]);
        var finding = Assert.Single(result.Diagnostics, d => d.Code == AnalysisCodes.HttpOnTlsPort.Code);
        Assert.Contains("https:// calls to api.example.com miss the entry and take the listener's default chain", finding.Message, StringComparison.Ordinal);
        Assert.Contains("import this entry", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Egr209_SaysOnlyImportingSidecarsSeeTheEntry()
    {
        var result = ManifestLinter.Lint([("se.yaml", Entry("  hosts: [api.example.com]\n  ports: [{ number: 443, name: tls, protocol: TLS }]\n  resolution: DNS\n"))]);
        var finding = Assert.Single(result.Diagnostics, d => d.Code == AnalysisCodes.ExportedToMesh.Code);
        Assert.Contains("'payments'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("'./*'", finding.Message, StringComparison.Ordinal);
    }

    // With endpoints, Istio's DNS cluster resolves the endpoints' addresses, not the host.
    [Fact]
    public void Egr212_NamesTheEndpointsWhenTheEntryHasThem()
    {
        var result = ManifestLinter.Lint([("se.yaml", Entry("  hosts: [db.example.com]\n  addresses: [10.0.0.5]\n  ports: [{ number: 5432, name: tcp, protocol: TCP }]\n  resolution: DNS\n  endpoints: [{ address: db.internal.example.net }]\n  exportTo: [\".\"]\n"))]);
        var finding = Assert.Single(result.Diagnostics, d => d.Code == AnalysisCodes.AddressesWithDns.Code);
        Assert.Contains("whatever the entry's endpoints resolve to", finding.Message, StringComparison.Ordinal);
    }

    // Istio binds addresses only for TCP-like and sniffed ports; an HTTP port listens on 0.0.0.0.
    [Fact]
    public void Egr212_SaysHttpPortsIgnoreTheAddresses()
    {
        var result = ManifestLinter.Lint([("se.yaml", Entry("  hosts: [api.example.com]\n  addresses: [10.0.0.5]\n  ports: [{ number: 80, name: http, protocol: HTTP }]\n  resolution: DNS\n  exportTo: [\".\"]\n"))]);
        var finding = Assert.Single(result.Diagnostics, d => d.Code == AnalysisCodes.AddressesWithDns.Code);
        Assert.Contains("HTTP ports ignore them and match by Host", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DNS", true)]
    [InlineData("NONE", false)]
    public void Egr212_SaysDnsSendsTrafficWhereTheNameResolves(string resolution, bool expected)
    {
        var result = ManifestLinter.Lint([("se.yaml", Entry($"  hosts: [db.example.com]\n  addresses: [10.0.0.5]\n  ports: [{{ number: 5432, name: tcp, protocol: TCP }}]\n  resolution: {resolution}\n  exportTo: [\".\"]\n"))]);
        Assert.Equal(expected, result.Diagnostics.Any(d => d.Code == AnalysisCodes.AddressesWithDns.Code && d.Message.Contains("resolves to", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("orders-api.orders.svc.cluster.local")]
    [InlineData("orders-api.orders.svc")]
    [InlineData("orders-api.orders")]
    public void ExplainSuggestsTheSidecarImportForAnInClusterName(string host)
    {
        var e = Explain.ExplainFixture.Shipped("prod", "payments", host, 8080);
        Assert.NotNull(e.Change);
        Assert.Contains("namespaceImports", string.Join(" ", e.Change!.Edits.Select(x => x.Path)), StringComparison.Ordinal);
        Assert.Contains("mTLS", string.Join(" ", e.Change.Notes), StringComparison.Ordinal);
    }
}
