using System.Text.Json;
using EgressInfra.TestSupport;

namespace EgressInfra.Cli.Tests.Lint;

public class LintCommandTests
{
    private static string TestData(params string[] parts) => RepoPaths.File(["tests", "EgressInfra.Cli.Tests", "Lint", "testdata", .. parts]);

    private const string GoodEntry = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: stripe
          namespace: payments
        spec:
          hosts: [api.stripe.com]
          ports:
          - {number: 443, name: tls, protocol: TLS}
          resolution: DNS
          exportTo: ["."]
        """;

    // The seed's samples are valid Istio config; once analysis lands they get warnings, never errors.
    [Theory]
    [InlineData("aptget.yaml")]
    [InlineData("pypi.yaml")]
    [InlineData("github.yaml")]
    public void ExternalSample_ExitsZero(string file)
    {
        var (exit, output, _) = CliRunner.Run("lint", TestData("external", file));

        Assert.True(exit == 0, output);
        Assert.Contains("0 errors", output, StringComparison.Ordinal);
    }

    // The seed's known weaknesses come out as warnings on the line that has them: resolution left
    // at NONE on apt's plain-HTTP entry (F9) and exportTo omitted on every entry (F10).
    [Fact]
    public void ExternalSamples_ReportTheSeedsWeaknessesAsWarnings()
    {
        var (exit, output, _) = CliRunner.Run("lint", TestData("external"), "--format", "json");

        Assert.Equal(0, exit);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var findings = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => (Code: d.GetProperty("code").GetString(), File: Path.GetFileName(d.GetProperty("file").GetString()), Severity: d.GetProperty("severity").GetString()))
            .ToList();
        Assert.All(findings, f => Assert.Equal("warning", f.Severity));
        Assert.Contains(findings, f => f is { Code: "EGR207", File: "aptget.yaml" });
        Assert.Equal(5, findings.Count(f => f.Code == "EGR209"));
    }

    [Fact]
    public void ExternalDirectory_CountsEveryDocumentAndChecksVirtualServices()
    {
        var (exit, output, _) = CliRunner.Run("lint", TestData("external"));

        Assert.True(exit == 0, output);
        Assert.Contains("lint: 7 documents, 5 ServiceEntries, 0 Sidecars, 2 VirtualServices, 0 skipped; 0 errors", output, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenDocument_OtherDocumentsAreStillLinted()
    {
        var (exit, output, _) = CliRunner.Run("lint", TestData("bad", "three-documents-one-broken.yaml"));

        Assert.Equal(1, exit);
        Assert.Contains("three-documents-one-broken.yaml:17:", output, StringComparison.Ordinal);
        Assert.Contains("EGR001", output, StringComparison.Ordinal);
        Assert.Contains("three-documents-one-broken.yaml:33:15: error EGR153: unsupported value \"DNSS\"", output, StringComparison.Ordinal);
        Assert.Contains("3 documents, 2 ServiceEntries", output, StringComparison.Ordinal);
    }

    [Fact]
    public void FieldMistakes_AreReportedWithPathsAndHints()
    {
        var (exit, output, _) = CliRunner.Run("lint", TestData("bad", "field-mistakes.yaml"));

        Assert.Equal(1, exit);
        Assert.Contains("error EGR150: unknown field \"export_to\"", output, StringComparison.Ordinal);
        Assert.Contains("fix: Did you mean 'exportTo'?", output, StringComparison.Ordinal);
        Assert.Contains("at spec.ports[0].number (ServiceEntry payments/Stripe-API)", output, StringComparison.Ordinal);
        Assert.Contains("field-mistakes.yaml:4:9: error EGR156", output, StringComparison.Ordinal);
        Assert.Contains("at spec.hosts", output, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingHostsAndName_AreRequired()
    {
        var (exit, output, _) = CliRunner.Run("lint", TestData("bad", "missing-hosts.yaml"));

        Assert.Equal(1, exit);
        Assert.Contains("EGR152: the required field 'hosts' is missing", output, StringComparison.Ordinal);
        Assert.Contains("EGR156: metadata.name is required", output, StringComparison.Ordinal);
    }

    [Fact]
    public void NonObjectsAndUnknownTypes_AreErrorsAndOtherKindsAreSkipped()
    {
        var (exit, output, _) = CliRunner.Run("lint", TestData("bad", "not-objects.yaml"));

        Assert.Equal(1, exit);
        Assert.Contains("EGR159: the document is a list", output, StringComparison.Ordinal);
        Assert.Contains("EGR159: the document is the string", output, StringComparison.Ordinal);
        Assert.Contains("version \"networking.istio.io/v2\"", output, StringComparison.Ordinal);
        Assert.Contains("1 skipped (Deployment: 1)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_IsSearchedInSortedOrder()
    {
        var (exit, output, _) = CliRunner.Run("lint", TestData("bad"));

        Assert.Equal(1, exit);
        var order = new[] { "field-mistakes.yaml", "missing-hosts.yaml", "not-objects.yaml", "three-documents-one-broken.yaml" }
            .Select(f => output.IndexOf(f, StringComparison.Ordinal))
            .ToList();
        Assert.All(order, i => Assert.True(i >= 0));
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void Stdin_IsReadForDash()
    {
        var (exit, output, _) = CliRunner.RunWithInput(GoodEntry + "\n  export_to: [\".\"]\n", "lint", "-");

        Assert.Equal(1, exit);
        Assert.Contains("<stdin>:12:3: error EGR150", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CleanStdin_ExitsZero()
    {
        var (exit, output, _) = CliRunner.RunWithInput(GoodEntry, "lint", "-");

        Assert.True(exit == 0, output);
        Assert.Contains("lint: 1 document, 1 ServiceEntry, 0 Sidecars, 0 skipped; 0 errors, 0 warnings", output, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_ExitsTwo()
    {
        var (exit, _, err) = CliRunner.Run("lint", TestData("external", "aptget.yaml"), "/nonexistent/se.yaml");

        Assert.Equal(2, exit);
        Assert.Contains("cannot read /nonexistent/se.yaml", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lint")]
    [InlineData("lint", "x.yaml", "--profile", "lenient")]
    [InlineData("lint", "x.yaml", "--format", "xml")]
    public void BadUsage_ExitsTwo(params string[] args)
    {
        var (exit, _, _) = CliRunner.Run(args);

        Assert.Equal(2, exit);
    }

    [Fact]
    public void RestrictiveProfile_IsAccepted()
    {
        var (exit, output, _) = CliRunner.RunWithInput(GoodEntry, "lint", "-", "--profile", "restrictive");

        Assert.True(exit == 0, output);
    }

    [Theory]
    [InlineData("hosts: [pypi.org]\n  ports: [{number: 443, name: tls, protocol: TLS}]\n  resolution: DNS", "EGR302", "spec.hosts[0]")]
    [InlineData("hosts: [db.example.internal]\n  ports: [{number: 5432, name: tcp, protocol: TCP}]\n  resolution: NONE", "EGR312", "spec.resolution")]
    [InlineData("hosts: [api.partner.com]\n  ports: [{number: 443, name: tls, protocol: TLS}]\n  resolution: NONE", "EGR313", "spec.resolution")]
    [InlineData("hosts: [api.partner.com]\n  ports: [{number: 80, name: http, protocol: HTTP}]\n  resolution: DNS", "EGR306", "spec.ports[0].protocol")]
    [InlineData("hosts: [db.example.internal]\n  addresses: [10.0.0.0/16]\n  ports: [{number: 5432, name: tcp, protocol: TCP}]\n  resolution: NONE", "EGR305", "spec.addresses[0]")]
    public void RestrictiveProfile_AppliesTheProfilesRulesToManifests(string spec, string code, string path)
    {
        var entry = $"apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: x\n  namespace: payments\nspec:\n  {spec}\n  exportTo: [\".\"]\n";
        var (exit, output, _) = CliRunner.RunWithInput(entry, "lint", "-", "--profile", "restrictive");

        Assert.True(exit == 1, output);
        Assert.Contains($"error {code}:", output, StringComparison.Ordinal);
        var (_, json, _) = CliRunner.RunWithInput(entry, "lint", "-", "--profile", "restrictive", "--format", "json");
        Assert.Contains($"\"{path}\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_RaisesWarningsToErrors()
    {
        const string wildcardNone = "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: w\n  namespace: payments\nspec:\n  hosts: [\"*.example.com\"]\n  ports: [{number: 443, name: tls, protocol: TLS}]\n  resolution: NONE\n  exportTo: [\".\"]\n";
        var (loose, looseOutput, _) = CliRunner.RunWithInput(wildcardNone, "lint", "-");
        var (strict, output, _) = CliRunner.RunWithInput(wildcardNone, "lint", "-", "--strict");

        Assert.True(loose == 0, looseOutput);
        Assert.True(strict == 1, output);
    }

    [Fact]
    public void Help_DescribesFormatsAndProfile()
    {
        var (exit, output, _) = CliRunner.Run("lint", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("--profile", output, StringComparison.Ordinal);
        Assert.Contains("sarif", output, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonFormat_HasDiagnosticsAndSummary()
    {
        var (exit, output, err) = CliRunner.Run("lint", TestData("bad", "not-objects.yaml"), "--format", "json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(5, summary.GetProperty("documents").GetInt32());
        Assert.Equal(1, summary.GetProperty("skipped").GetProperty("Deployment").GetInt32());
        Assert.Equal(4, json.RootElement.GetProperty("diagnostics").GetArrayLength());
        Assert.StartsWith("lint: ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void GithubFormat_PrintsWorkflowCommands()
    {
        var (exit, output, _) = CliRunner.Run("lint", TestData("bad", "field-mistakes.yaml"), "--format", "github");

        Assert.Equal(1, exit);
        var commands = output.Split('\n').Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, commands.Count);
        Assert.Contains(commands, c => c.StartsWith("::error file=", StringComparison.Ordinal)
            && c.Contains(",line=8,col=3,title=EGR150::unknown field \"export_to\" (spec.export_to) fix: Did you mean 'exportTo'?", StringComparison.Ordinal));
        Assert.Contains("lint: 1 document", output, StringComparison.Ordinal);
    }

    [Fact]
    public void SarifFormat_IsACodeScanningLog()
    {
        var (exit, output, err) = CliRunner.Run("lint", TestData("bad", "field-mistakes.yaml"), "--format", "sarif");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var run = json.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        Assert.Equal("egressctl", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(5, results.Count);
        Assert.All(results, r =>
        {
            Assert.Equal("error", r.GetProperty("level").GetString());
            var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.EndsWith("field-mistakes.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
        });
        Assert.StartsWith("lint: ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void SarifOutput_IsTheSameEveryRun()
    {
        var first = CliRunner.Run("lint", TestData("bad"), "--format", "sarif").Out;
        var second = CliRunner.Run("lint", TestData("bad"), "--format", "sarif").Out;

        Assert.Equal(first, second);
    }
}
