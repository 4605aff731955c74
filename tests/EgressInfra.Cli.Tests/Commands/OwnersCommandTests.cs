using EgressInfra.TestSupport;

namespace EgressInfra.Cli.Tests.Commands;

/// <summary><c>egressctl owners</c> end to end: the CODEOWNERS block, its exit codes, and bad input.</summary>
public sealed class OwnersCommandTests : IDisposable
{
    private readonly string _project = AdoptionVerbInputs.Dir();

    public void Dispose() => Directory.Delete(_project, recursive: true);

    private static string Fragment(string owner, string service) => $$"""
        owner: {{owner}}
        services:
          - { name: {{service}}, hosts: [{{service}}.example.com], ports: [{ number: 443, protocol: TLS }], namespaces: [orders], reason: test }
        """;

    private string Project(params (string Path, string Text)[] fragments)
    {
        File.WriteAllText(Path.Combine(_project, "Pulumi.yaml"), "name: egress-infra\nruntime: dotnet\n");
        File.WriteAllText(Path.Combine(_project, "Pulumi.test.yaml"), "config:\n  egress-infra:environment: dev\n  egress-infra:egress:\n    namespaces: [orders]\n    include: [\"egress.d/*.yaml\"]\n");
        foreach (var (path, text) in fragments)
        {
            var full = Path.Combine(_project, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        return _project;
    }

    [Fact]
    public void Fragments_GiveOneLinePerFragment_ToItsOwner_Exit0()
    {
        Project(("egress.d/orders.yaml", Fragment("team-orders", "sendgrid")), ("egress.d/payments.yaml", Fragment("\"@acme/payments\"", "stripe")));

        var (exit, output, err) = CliRunner.Run("owners", "--project-dir", _project, "--stack", "test", "--org", "acme");

        Assert.True(exit == 0, err);
        Assert.Contains("/egress.d/orders.yaml @acme/team-orders\n", output, StringComparison.Ordinal);
        Assert.Contains("/egress.d/payments.yaml @acme/payments\n", output, StringComparison.Ordinal);
        Assert.True(output.IndexOf("orders.yaml", StringComparison.Ordinal) < output.IndexOf("payments.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void AFragmentWithoutOwner_IsLeftOut_Exit1()
    {
        Project(("egress.d/orders.yaml", Fragment("team-orders", "sendgrid")), ("egress.d/stray.yaml", "services: []\n"));

        var (exit, output, err) = CliRunner.Run("owners", "--project-dir", _project, "--stack", "test");

        Assert.Equal(1, exit);
        Assert.Contains("egress.d/stray.yaml names no owner and is left out", err, StringComparison.Ordinal);
        Assert.DoesNotContain("stray.yaml", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void ShippedStacks_IncludeNoFragments_EmptyBlock_Exit0(string stack)
    {
        var (exit, output, err) = CliRunner.Run("owners", "--project-dir", RepoPaths.Root, "--stack", stack);

        Assert.Equal(0, exit);
        Assert.Contains("includes no fragments", err, StringComparison.Ordinal);
        Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void AMissingStack_Exit2WithMessage()
    {
        var (exit, _, err) = CliRunner.Run("owners", "--file", AdoptionVerbInputs.Missing("Pulumi.none.yaml"));

        Assert.Equal(2, exit);
        Assert.Contains("no such file", err, StringComparison.Ordinal);
    }

    [Fact]
    public void AFifoStack_Exit2_WithoutBlocking()
    {
        if (AdoptionVerbInputs.Fifo("Pulumi.pipe.yaml") is not { } fifo)
        {
            return;
        }

        var (exit, _, err) = AdoptionVerbInputs.Run("owners", "--file", fifo);

        Assert.Equal(2, exit);
        Assert.Contains("named pipe (FIFO)", err, StringComparison.Ordinal);
    }

    [Fact]
    public void ABinaryStack_Exit2()
    {
        var (exit, _, err) = CliRunner.Run("owners", "--file", AdoptionVerbInputs.Binary("Pulumi.bin.yaml"));

        Assert.Equal(2, exit);
        Assert.Contains("binary file", err, StringComparison.Ordinal);
    }

    [Fact]
    public void FragmentsOverTheBudget_Exit1WithTheLimitNamed()
    {
        Project(("egress.d/orders.yaml", Fragment("team-orders", "sendgrid") + new string('#', 8192) + "\n"));

        var (exit, _, err) = CliRunner.Run("owners", "--project-dir", _project, "--stack", "test", "--max-input-size", "4KiB");

        // The stack file was read; the fragment is an EGR602 finding, and its owner cannot be known.
        Assert.Equal(1, exit);
        Assert.Contains("EGR602", err, StringComparison.Ordinal);
        Assert.Contains("larger than the limit of 4 KiB", err, StringComparison.Ordinal);
    }

    [Fact]
    public void AStackOverTheBudget_Exit2()
    {
        Project();

        var (exit, _, err) = CliRunner.Run("owners", "--project-dir", _project, "--stack", "test", "--max-input-size", "16");

        Assert.Equal(2, exit);
        Assert.Contains("larger than the limit of 16 bytes", err, StringComparison.Ordinal);
    }
}
