using System.Text.Json;
using EgressInfra.TestSupport;

namespace EgressInfra.Cli.Tests.Commands;

/// <summary>Exit codes: 0 allowed, 1 denied, 2 usage or a stack with errors.</summary>
public class ExplainCommandTests
{
    private static (int Exit, string Out, string Err) Explain(params string[] args) =>
        CliRunner.Run(["explain", "--project-dir", RepoPaths.Root, .. args]);

    [Fact]
    public void Allowed_ExitsZeroAndNamesTheEntry()
    {
        var (exit, output, _) = Explain("--stack", "prod", "--namespace", "payments", "--host", "api.stripe.com", "--port", "443");

        Assert.Equal(0, exit);
        Assert.StartsWith("ALLOWED  payments -> api.stripe.com:443 (TLS, declared)", output, StringComparison.Ordinal);
        Assert.Contains("ServiceEntry payments/stripe-api from egress.services[0]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Denied_ExitsOneWithSymptomChangeAndProfileVerdict()
    {
        var (exit, output, _) = Explain("--stack", "prod", "-n", "orders", "--host", "api.stripe.com", "-p", "443", "--protocol", "tls");

        Assert.Equal(1, exit);
        Assert.StartsWith("DENIED  orders -> api.stripe.com:443 (TLS, asked)", output, StringComparison.Ordinal);
        Assert.Contains("a pod sees: the connection is reset during the TLS handshake", output, StringComparison.Ordinal);
        Assert.Contains("pulumi config set --path 'egress.services[0].namespaces[1]' orders", output, StringComparison.Ordinal);
        Assert.Contains("profile restrictive: accepts the change", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_HasTheDocumentedShape()
    {
        var (exit, output, _) = Explain("--stack", "dev", "-n", "sandbox", "--host", "example.org", "-p", "80", "--format", "json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.False(root.GetProperty("allowed").GetBoolean());
        Assert.Equal("noEntry", root.GetProperty("outcome").GetString());
        Assert.Equal("HTTP", root.GetProperty("query").GetProperty("protocol").GetString());
        Assert.Contains("502", root.GetProperty("symptom").GetProperty("observed").GetString(), StringComparison.Ordinal);
        var change = root.GetProperty("change");
        Assert.Equal("egress.services[0]", change.GetProperty("edits")[0].GetProperty("path").GetString());
        var placeholder = Assert.Single(change.GetProperty("placeholders").EnumerateArray());
        Assert.Equal("egress.services[0].reason", placeholder.GetProperty("path").GetString());
        Assert.Equal("<why sandbox needs example.org:80>", placeholder.GetProperty("value").GetString());
        Assert.True(root.GetProperty("acceptance").GetProperty("accepted").GetBoolean());
        Assert.True(root.GetProperty("acceptance").GetProperty("verified").GetBoolean());
    }

    [Theory]
    [InlineData("--protocol", "SPDY")]
    [InlineData("--host", "*.stripe.com")]
    [InlineData("--format", "yaml")]
    [InlineData("--port", "https")]
    public void BadQuestion_ExitsTwo(string option, string value)
    {
        var args = new List<string> { "--stack", "prod", "-n", "payments", "--host", "api.stripe.com", "--port", "443" };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var (exit, _, err) = Explain([.. args]);

        Assert.Equal(2, exit);
        Assert.NotEqual(string.Empty, err);
    }

    [Fact]
    public void MissingRequiredOption_ExitsTwo()
    {
        var (exit, _, _) = Explain("--stack", "prod", "--host", "api.stripe.com", "--port", "443");

        Assert.Equal(2, exit);
    }

    [Fact]
    public void StackWithErrors_IsNotExplainedAndExitsTwo()
    {
        var file = CliRunner.TempFile("""
            config:
              egress-infra:environment: prod
              egress-infra:egress:
                namespaces: [payments]
                services:
                  - name: api
                    hosts: [api.example.com]
                    ports: [{ number: 443, protocol: TLSX }]
            """);

        var (exit, output, err) = CliRunner.Run("explain", "--file", file, "-n", "payments", "--host", "api.example.com", "-p", "443");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("egress.services[0].ports[0].protocol", err, StringComparison.Ordinal);
        Assert.Contains("cannot be deployed, so it is not explained", err, StringComparison.Ordinal);
    }

    // The README shows a real run; this keeps it one.
    [Fact]
    public void ReadmeExample_IsWhatExplainPrints()
    {
        var readme = RepoPaths.ReadText("README.md");
        const string Prompt = "$ egressctl explain --stack prod --namespace orders --host api.stripe.com --port 443\n";
        var at = readme.IndexOf(Prompt, StringComparison.Ordinal);
        Assert.True(at >= 0, "the README's explain example is missing");
        var start = at + Prompt.Length;
        var shown = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];

        var (_, output, _) = Explain("--stack", "prod", "--namespace", "orders", "--host", "api.stripe.com", "--port", "443");

        Assert.Equal(output, shown);
    }
}
