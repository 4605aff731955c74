using System.Text.Json;

namespace EgressInfra.Cli.Tests.Commands;

public class CheckFormatTests
{
    private const string BadStack = """
        config:
          egress-infra:environment: prod
          egress-infra:egress:
            namespaces: [payments]
            services:
              - name: api
                hosts: [api.example.com]
                ports:
                  - { number: 443, protocol: TLSX }
        """;

    [Fact]
    public void GithubFormat_AnnotatesTheStackFile()
    {
        var file = CliRunner.TempFile(BadStack);

        var (exit, output, _) = CliRunner.Run("check", "--file", file, "--format", "github");

        Assert.Equal(1, exit);
        var command = Assert.Single(output.Split('\n'), l => l.StartsWith("::error ", StringComparison.Ordinal));
        Assert.Contains(",line=9,", command, StringComparison.Ordinal);
        Assert.Contains("title=EGR005::", command, StringComparison.Ordinal);
        Assert.Contains("(egress.services[0].ports[0].protocol) fix: Did you mean 'TLS'?", command, StringComparison.Ordinal);
    }

    [Fact]
    public void SarifFormat_HasTheRequiredProperties()
    {
        var file = CliRunner.TempFile(BadStack);

        var (exit, output, _) = CliRunner.Run("check", "--file", file, "--format", "sarif");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.StartsWith("https://", root.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        var result = root.GetProperty("runs")[0].GetProperty("results")[0];
        Assert.Equal("EGR005", result.GetProperty("ruleId").GetString());
        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.Contains("TLSX", result.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(9, result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }
}
