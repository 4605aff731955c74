using System.Text.Json;
using EgressInfra.TestSupport;

namespace EgressInfra.Cli.Tests.Commands;

public class CheckCommandTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void ShippedStacks_CheckClean(string stack)
    {
        var (exit, output, _) = CliRunner.Run("check", "--stack", stack, "--project-dir", RepoPaths.Root);

        Assert.True(exit == 0, output);
    }

    [Fact]
    public void BadStack_ExitsOneWithPathAndLine()
    {
        var file = CliRunner.TempFile("""
            config:
              egress-infra:environment: prod
              egress-infra:egress:
                namespaces: [payments]
                services:
                  - name: api
                    hosts: [api.example.com]
                    ports:
                      - { number: 443, protocol: TLSX }
            """);

        var (exit, output, _) = CliRunner.Run("check", "--file", file);

        Assert.Equal(1, exit);
        Assert.Contains("Pulumi.test.yaml:9:", output, StringComparison.Ordinal);
        Assert.Contains("egress.services[0].ports[0].protocol", output, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'TLS'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableYaml_ExitsTwo()
    {
        var file = CliRunner.TempFile("config:\n  egress-infra:egress: [\n");

        var (exit, output, _) = CliRunner.Run("check", "--file", file);

        Assert.Equal(2, exit);
        Assert.Contains("EGR001", output, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_ExitsTwo()
    {
        var (exit, _, err) = CliRunner.Run("check", "--file", "/nonexistent/Pulumi.x.yaml");

        Assert.Equal(2, exit);
        Assert.Contains("cannot read", err, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOption_ExitsTwo()
    {
        var (exit, _, _) = CliRunner.Run("check", "--frobnicate");

        Assert.Equal(2, exit);
    }

    [Fact]
    public void JsonFormat_HasTheDocumentedShape()
    {
        var file = CliRunner.TempFile("config:\n  egress-infra:environment: qa\n  egress-infra:egress:\n    namespaces: [a]\n");

        var (exit, output, _) = CliRunner.Run("check", "--file", file, "--format", "json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var first = json.RootElement.GetProperty("diagnostics")[0];
        foreach (var key in new[] { "severity", "code", "message", "path", "file", "line", "hint" })
        {
            Assert.True(first.TryGetProperty(key, out _), $"missing {key}");
        }

        Assert.Equal("environment", first.GetProperty("path").GetString());
        Assert.Equal(2, first.GetProperty("line").GetInt32());
    }

    [Theory]
    [InlineData("check")]
    [InlineData("render")]
    public void EveryVerb_HasHelp(string verb)
    {
        var (exit, output, _) = CliRunner.Run(verb, "--help");

        Assert.Equal(0, exit);
        Assert.Contains("--stack", output, StringComparison.Ordinal);
    }
}
