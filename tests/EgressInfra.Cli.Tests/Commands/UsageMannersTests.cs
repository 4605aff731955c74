using System.Text.Json;
using EgressInfra.TestSupport;

namespace EgressInfra.Cli.Tests.Commands;

/// <summary>Mistyped verbs, options and values get "did you mean" and the verb's own help, in one line.</summary>
public class UsageMannersTests
{
    [Theory]
    [InlineData("chek", "did you mean 'check'?")]
    [InlineData("rendr", "did you mean 'render'?")]
    [InlineData("lnt", "did you mean 'lint'?")]
    [InlineData("frobnicate", "Verbs: check, render")]
    public void MistypedVerb_SuggestsTheVerb(string verb, string expected)
    {
        var (exit, _, err) = CliRunner.Run(verb, "--stack", "prod");

        Assert.Equal(2, exit);
        Assert.Contains(expected, err, StringComparison.Ordinal);
        Assert.Single(err.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void MistypedLintOption_IsAnUnknownOptionNotAFile()
    {
        var (exit, _, err) = CliRunner.Run("lint", "--profle", "restrictive", "x.yaml");

        Assert.Equal(2, exit);
        Assert.Contains("'--profle' is not an option of egressctl lint; did you mean '--profile'?", err, StringComparison.Ordinal);
        Assert.Contains("egressctl lint --help", err, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot read", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check", "--fromat", "--format")]
    [InlineData("explain", "--namspace", "--namespace")]
    [InlineData("diff", "--exitcode", "--exit-code")]
    [InlineData("render", "--stak", "--stack")]
    public void MistypedOption_SuggestsTheOption(string verb, string typo, string meant)
    {
        var (exit, _, err) = CliRunner.Run(verb, typo, "x");

        Assert.Equal(2, exit);
        Assert.Contains($"did you mean '{meant}'?", err, StringComparison.Ordinal);
        Assert.Contains($"egressctl {verb} --help", err, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionValueStartingWithADash_IsNotTakenForAnOption()
    {
        var (exit, _, err) = CliRunner.Run("diff", "--stack", "dev", "--stack", "prod", "--project-dir", RepoPaths.Root, "--title", "-release-");

        Assert.True(exit == 0, err);
    }

    [Theory]
    [InlineData("explain", "jsno", "did you mean 'json'?")]
    [InlineData("check", "sraif", "did you mean 'sarif'?")]
    [InlineData("diff", "markdwon", "did you mean 'markdown'?")]
    [InlineData("graph", "mermiad", "did you mean 'mermaid'?")]
    public void MistypedFormat_SuggestsTheFormat(string verb, string typo, string expected)
    {
        var (exit, _, err) = CliRunner.Run(verb, "--format", typo, "--stack", "prod", "--project-dir", RepoPaths.Root);

        Assert.Equal(2, exit);
        Assert.Contains(expected, err, StringComparison.Ordinal);
        Assert.Contains($"egressctl {verb} --help", err, StringComparison.Ordinal);
    }

    [Fact]
    public void MistypedProfile_SuggestsTheProfile()
    {
        var (exit, _, err) = CliRunner.Run("lint", "--profile", "restrictve", "x.yaml");

        Assert.Equal(2, exit);
        Assert.Contains("did you mean 'restrictive'?", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("presets", "sarif")]
    [InlineData("presets", "github")]
    [InlineData("explain", "sarif")]
    [InlineData("diff", "json")]
    public void FormatsAVerbDoesNotSupport_AreRefused(string verb, string format)
    {
        var (exit, _, err) = CliRunner.Run(verb, "--format", format);

        Assert.Equal(2, exit);
        Assert.Contains($"'{format}' is not a format of egressctl {verb}", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check", "text|json|github|sarif", "[default: text]")]
    [InlineData("lint", "text|json|github|sarif", "[default: text]")]
    [InlineData("presets", "text|json>", "[default: text]")]
    [InlineData("explain", "text|json>", "[default: text]")]
    [InlineData("diff", "text|markdown", "[default: text]")]
    [InlineData("graph", "mermaid|markdown", "[default: mermaid]")]
    public void Help_ListsOnlySupportedFormats_WithTheDefaultShownAlike(string verb, string formats, string defaultShown)
    {
        var (exit, output, _) = CliRunner.Run(verb, "--help");

        Assert.Equal(0, exit);
        var line = output.Split('\n').Single(l => l.Contains("--format", StringComparison.Ordinal));
        Assert.Contains(formats, line, StringComparison.Ordinal);
        Assert.Contains(defaultShown, line, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplainMistypedNamespace_AsksAboutTheGovernedOne()
    {
        var (exit, output, _) = CliRunner.Run("explain", "--stack", "prod", "--project-dir", RepoPaths.Root, "-n", "ordrs", "--host", "api.stripe.com", "--port", "443");

        Assert.Equal(1, exit);
        var first = output.Split('\n')[0];
        Assert.Contains("did you mean 'orders'?", first, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplainMistypedNamespace_InJson_AsksOnStderrAndKeepsJsonClean()
    {
        var (_, output, err) = CliRunner.Run("explain", "--stack", "prod", "--project-dir", RepoPaths.Root, "-n", "ordrs", "--host", "api.stripe.com", "--port", "443", "--format", "json");

        Assert.Contains("did you mean 'orders'?", err, StringComparison.Ordinal);
        using var _ = JsonDocument.Parse(output);
    }

    [Fact]
    public void OutsideTheProjectDirectory_NamesProjectDirAndTheStacksNearby()
    {
        var empty = Directory.CreateTempSubdirectory("egressctl-nowhere-").FullName;

        var (exit, _, err) = CliRunner.Run("check", "--stack", "prod", "--project-dir", empty);

        Assert.Equal(2, exit);
        Assert.Contains("--project-dir", err, StringComparison.Ordinal);
        Assert.Contains("holds no Pulumi.<stack>.yaml files", err, StringComparison.Ordinal);
    }

    [Fact]
    public void MistypedStackName_ListsTheStacksAndSuggests()
    {
        var (exit, _, err) = CliRunner.Run("check", "--stack", "prdo", "--project-dir", RepoPaths.Root);

        Assert.Equal(2, exit);
        Assert.Contains("did you mean 'prod'?", err, StringComparison.Ordinal);
        Assert.Contains("dev, prod", err, StringComparison.Ordinal);
    }

    [Fact]
    public void NoStackNamed_ListsTheStacksThere()
    {
        var (exit, _, err) = CliRunner.Run("check", "--project-dir", RepoPaths.Root);

        Assert.Equal(2, exit);
        Assert.Contains("--stack NAME", err, StringComparison.Ordinal);
        Assert.Contains("dev, prod", err, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonDiagnostics_CarryTheColumn()
    {
        var file = CliRunner.TempFile("config:\n  egress-infra:environment: dev\n  egress-infra:egress:\n    namespaces: [ns1]\n    hots: 1\n");

        var (_, output, _) = CliRunner.Run("check", "--file", file, "--format", "json");

        var first = JsonDocument.Parse(output).RootElement.GetProperty("diagnostics")[0];
        Assert.Equal(5, first.GetProperty("line").GetInt32());
        Assert.Equal(11, first.GetProperty("column").GetInt32()); // the value of `    hots: 1`
    }
}
