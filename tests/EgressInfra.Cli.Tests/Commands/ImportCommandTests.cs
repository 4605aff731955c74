using EgressInfra.TestSupport;

namespace EgressInfra.Cli.Tests.Commands;

/// <summary><c>egressctl import</c> end to end: the shipped stacks' renders round-trip, and bad input is exit 2 with one message.</summary>
public sealed class ImportCommandTests
{
    private static string Render(string stack)
    {
        var dir = AdoptionVerbInputs.Dir();
        var (exit, _, err) = CliRunner.Run("render", "--project-dir", RepoPaths.Root, "--stack", stack, "--out", dir);
        Assert.True(exit == 0, err);
        return dir;
    }

    [Theory]
    [InlineData("dev", "dev")]
    [InlineData("prod", "prod")]
    public void TheShippedStacksRenders_ImportToAStackThatDiffsClean(string stack, string environment)
    {
        var rendered = Render(stack);

        var (exit, output, err) = CliRunner.Run("import", rendered, "--environment", environment);

        Assert.True(exit == 0, err);
        Assert.Contains("\"egress-infra:egress\":", output, StringComparison.Ordinal);
        Assert.Contains("every governed namespace reaches exactly what the manifests granted", err, StringComparison.Ordinal);

        var imported = Path.Combine(AdoptionVerbInputs.Dir(), $"Pulumi.{stack}.yaml");
        File.WriteAllText(imported, output);
        var (diffExit, diff, diffErr) = CliRunner.Run("diff", "--file", RepoPaths.File($"Pulumi.{stack}.yaml"), "--file", imported, "--project-dir", RepoPaths.Root);
        Assert.True(diffExit == 0, diffErr);

        // Only stack-wide settings import cannot see (the probe) may differ: no section about a namespace's destinations.
        var sections = diff.Split('\n').Where(l => l.Length > 0 && !char.IsWhiteSpace(l[0])).ToList();
        Assert.All(sections, l => Assert.True(l.StartsWith("egress diff ", StringComparison.Ordinal) || l is "stack:" or "no semantic egress changes", diff));
    }

    [Fact]
    public void Stdin_IsReadLikeAFile()
    {
        var rendered = Render("dev");
        var manifests = string.Join("---\n", Directory.GetFiles(rendered, "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText));

        var (exit, output, err) = CliRunner.RunWithInput(manifests, "import", "-");

        Assert.True(exit == 0, err);
        Assert.Contains("\"egress-infra:environment\": dev", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFile_Exit2()
    {
        var (exit, output, err) = CliRunner.Run("import", AdoptionVerbInputs.Missing("live.yaml"));

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("no such file", err, StringComparison.Ordinal);
    }

    [Fact]
    public void AFifo_Exit2_WithoutBlocking()
    {
        if (AdoptionVerbInputs.Fifo("live.yaml") is not { } fifo)
        {
            return;
        }

        var (exit, _, err) = AdoptionVerbInputs.Run("import", fifo);

        Assert.Equal(2, exit);
        Assert.Contains("named pipe (FIFO)", err, StringComparison.Ordinal);
    }

    [Fact]
    public void AFifoInsideAFolder_IsSkippedWithANote()
    {
        var rendered = Render("dev");
        if (!Input.SpecialFiles.TryMakeFifo(Path.Combine(rendered, "zz-pipe.yaml")))
        {
            return;
        }

        var (exit, _, err) = AdoptionVerbInputs.Run("import", rendered);

        Assert.Equal(0, exit);
        Assert.Contains("EGR031", err, StringComparison.Ordinal);
        Assert.Contains("zz-pipe.yaml", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("binary")]
    [InlineData("not yaml")]
    [InlineData("no manifests")]
    public void Garbage_Exit2WithAMessage_AndNoStackPrinted(string kind)
    {
        var file = kind switch
        {
            "binary" => AdoptionVerbInputs.Binary("live.yaml"),
            "not yaml" => CliRunner.TempFile("a: [\n", "live.yaml"),
            _ => CliRunner.TempFile("apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x, namespace: y }\n", "live.yaml"),
        };

        var (exit, output, err) = CliRunner.Run("import", file);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(kind == "binary" ? "binary file" : "found no ServiceEntry or Sidecar", err, StringComparison.Ordinal);
    }

    [Fact]
    public void InputOverTheBudget_Exit2()
    {
        var rendered = Render("prod");

        var (exit, output, err) = CliRunner.Run("import", rendered, "--max-input-size", "2KiB");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("larger than the limit of 2 KiB", err, StringComparison.Ordinal);
    }
}
