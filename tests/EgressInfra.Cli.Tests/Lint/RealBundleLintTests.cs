using System.Text.Json;
using EgressInfra.TestSupport;

namespace EgressInfra.Cli.Tests.Lint;

/// <summary>
/// Patterns met in egress bundles from public repositories, written again as our own fixtures under
/// testdata/real: Istio and the API server admit every one, so lint must exit 0 with no error, and say
/// in a warning what the spelling really does.
/// </summary>
public class RealBundleLintTests
{
    private static string Real(params string[] parts) => RepoPaths.File(["tests", "EgressInfra.Cli.Tests", "Lint", "testdata", "real", .. parts]);

    [Theory]
    [InlineData("ambient-kustomize")]
    [InlineData("sidecar-two-versions")]
    [InlineData("authz-empty-lists.yaml")]
    [InlineData("")]
    public void Bundle_HasNoErrors(string path)
    {
        var (exit, output, error) = CliRunner.Run("lint", Real(path));

        Assert.True(exit == 0, output + error);
        Assert.Contains("; 0 errors", output, StringComparison.Ordinal);
    }

    // kustomize's own file needs no apiVersion or kind; kubectl never receives it, so it is skipped.
    [Fact]
    public void KustomizationFile_IsSkippedNotAnObjectWithoutKind()
    {
        var (_, output, _) = CliRunner.Run("lint", Real("ambient-kustomize"));

        Assert.DoesNotContain("EGR160", output, StringComparison.Ordinal);
        Assert.Contains("Kustomization: 1", output, StringComparison.Ordinal);
    }

    // One Sidecar written in two API versions is one object: no IST0110 conflict with itself, and the
    // replaced copy is named with the place of the copy that replaces it.
    [Fact]
    public void SameSidecarTwice_IsOneObject()
    {
        var findings = Findings("sidecar-two-versions");

        Assert.DoesNotContain(findings, f => f.Code == "EGR174");
        var repeated = Assert.Single(findings, f => f.Code == "EGR380");
        Assert.Equal("warning", repeated.Severity);
        Assert.Equal("sidecar-v1.yaml", repeated.File);
        Assert.Contains("sidecar-v1beta1.yaml:5:9", repeated.Message, StringComparison.Ordinal);
    }

    // jsonpb decodes "from: []" to a nil list, so the webhook's "from must not be empty" never fires:
    // the rule is admitted and matches every source. lint warns instead of rejecting.
    [Fact]
    public void EmptyFromAndTo_AreAdmittedWithAWarningEach()
    {
        var findings = Findings("authz-empty-lists.yaml");

        Assert.DoesNotContain(findings, f => f.Code == "EGR447");
        Assert.Equal(2, findings.Count(f => f is { Code: "EGR379", Severity: "warning" }));
        Assert.Contains(findings, f => f.Code == "EGR379" && f.Message.Contains("every source", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Code == "EGR379" && f.Message.Contains("every operation", StringComparison.Ordinal));
    }

    // Other spellings of the same empty list: an alias to an anchored [], flow style, and a merge key
    // that brings an empty from in. Each is still admitted and still warned about; a null rule is not
    // an empty list but a value the CRD's schema rejects.
    [Fact]
    public void EmptyListSpellings_AreWarnedAndANullRuleIsStillAnError()
    {
        const string Policy = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: spellings, namespace: istio-egress}
            spec:
              rules:
              - from: &none []
                to: *none
              - {from: [], to: [{operation: {ports: ["443"]}}]}
              - <<: {from: []}
                when: [{key: connection.sni, values: [api.partner.example]}]

            """;
        var (exit, output, _) = CliRunner.RunWithInput(Policy, "lint", "-");

        Assert.True(exit == 0, output);
        Assert.Equal(4, output.Split('\n').Count(l => l.Contains("warning EGR379", StringComparison.Ordinal)));

        var (nullExit, nullOutput, _) = CliRunner.RunWithInput(Policy + "  -\n", "lint", "-");
        Assert.Equal(1, nullExit);
        Assert.Contains("<stdin>:11:", nullOutput, StringComparison.Ordinal);
        Assert.Contains("EGR151", nullOutput, StringComparison.Ordinal);
    }

    // The same file names outside their tools' role are still objects: a kustomization.yaml that says
    // it is a ConfigMap is read as one, and a values.yaml holding a ServiceEntry is linted.
    [Fact]
    public void ToolFileNames_DoNotHideObjects()
    {
        var dir = Directory.CreateTempSubdirectory("egress-lint-tools-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "values.yaml"), "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: x\nspec:\n  hosts: [a.example.com]\n  resolution: DNSS\n");
            File.WriteAllText(Path.Combine(dir.FullName, "Chart.yaml"), "apiVersion: v2\nname: egress\nversion: 0.1.0\n");
            File.WriteAllText(Path.Combine(dir.FullName, "kustomization.yaml"), "resources: [\n");
            var (exit, output, _) = CliRunner.Run("lint", dir.FullName);

            Assert.Equal(1, exit);
            Assert.Contains("EGR153", output, StringComparison.Ordinal);
            Assert.Contains("kustomization.yaml:", output, StringComparison.Ordinal);
            Assert.Contains("EGR001", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Chart.yaml:1", output, StringComparison.Ordinal);
            Assert.Contains("(Helm Chart.yaml: 1)", output, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static List<(string Code, string Severity, string File, string Message)> Findings(string path)
    {
        var (_, output, _) = CliRunner.Run("lint", Real(path), "--format", "json");
        using var json = JsonDocument.Parse(output);
        return [.. json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => (
            d.GetProperty("code").GetString()!,
            d.GetProperty("severity").GetString()!,
            Path.GetFileName(d.GetProperty("file").GetString()!),
            d.GetProperty("message").GetString()!))];
    }
}
