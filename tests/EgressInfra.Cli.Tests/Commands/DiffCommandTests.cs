using EgressInfra.TestSupport;

namespace EgressInfra.Cli.Tests.Commands;

/// <summary>Exit codes: 0 on success (1 with --exit-code when something changed), 2 for usage or a file that does not bind.</summary>
public class DiffCommandTests
{
    private static readonly string Prod = RepoPaths.ReadText("Pulumi.prod.yaml");

    [Fact]
    public void TwoStacks_PrintTheDifferenceAndExitZero()
    {
        var (exit, output, _) = CliRunner.Run("diff", "--stack", "dev", "--stack", "prod", "--project-dir", RepoPaths.Root);

        Assert.Equal(0, exit);
        Assert.Contains("+ api.stripe.com:443/TLS", output, StringComparison.Ordinal);
        Assert.Contains("- pypi.org:443/TLS", output, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoFiles_MarkdownShowsTheAddedProdDestination()
    {
        var changed = Prod.Replace(
            "      - name: sendgrid-api\n",
            "      - name: twilio-api\n        hosts: [api.twilio.com]\n        ports: [{ number: 443, protocol: TLS }]\n        namespaces: [orders]\n        owner: team-orders\n        reason: Delivery SMS.\n      - name: sendgrid-api\n",
            StringComparison.Ordinal);
        var file = CliRunner.TempFile(changed, "Pulumi.prod.yaml");

        var (exit, output, _) = CliRunner.Run("diff", "--file", RepoPaths.File("Pulumi.prod.yaml"), "--file", file, "--format", "markdown", "--title", "prod: egress changes");

        Assert.Equal(0, exit);
        Assert.StartsWith("### prod: egress changes\n", output, StringComparison.Ordinal);
        Assert.Contains("| `orders` | gained | `api.twilio.com:443/TLS` |", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ExitCode_IsOneWhenSomethingChangedAndZeroOtherwise()
    {
        Assert.Equal(1, CliRunner.Run("diff", "-s", "dev", "-s", "prod", "--project-dir", RepoPaths.Root, "--exit-code").Exit);
        Assert.Equal(0, CliRunner.Run("diff", "-s", "prod", "-s", "prod", "--project-dir", RepoPaths.Root, "--exit-code").Exit);
    }

    [Theory]
    [InlineData("--stack", "prod")]
    [InlineData("--stack", "prod", "--file", "Pulumi.dev.yaml")]
    [InlineData("--stack", "prod", "--stack", "dev", "--stack", "prod")]
    [InlineData("--stack", "prod", "--stack", "dev", "--format", "html")]
    public void WrongNumberOrMixOfInputs_ExitsTwo(params string[] args)
    {
        var (exit, _, _) = CliRunner.Run(["diff", "--project-dir", RepoPaths.Root, .. args]);

        Assert.Equal(2, exit);
    }

    [Fact]
    public void FileThatDoesNotBind_ExitsTwoWithItsDiagnostics()
    {
        var file = CliRunner.TempFile("config:\n  egress-infra:environment: qa\n  egress-infra:egress:\n    namespaces: [a]\n");

        var (exit, output, err) = CliRunner.Run("diff", "--file", RepoPaths.File("Pulumi.prod.yaml"), "--file", file);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("EGR005", err, StringComparison.Ordinal);
    }
}
