using EgressInfra.TestSupport;

namespace EgressInfra.Cli.Tests.Commands;

public class GraphCommandTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void ShippedStack_DrawsAFlowchart(string stack)
    {
        var (exit, output, _) = CliRunner.Run("graph", "--stack", stack, "--project-dir", RepoPaths.Root);

        Assert.Equal(0, exit);
        Assert.StartsWith("flowchart LR\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_IsFenced()
    {
        var (exit, output, _) = CliRunner.Run("graph", "--stack", "prod", "--project-dir", RepoPaths.Root, "--format", "markdown");

        Assert.Equal(0, exit);
        Assert.StartsWith("```mermaid\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void StackThatDoesNotBind_ExitsTwo()
    {
        var file = CliRunner.TempFile("config:\n  egress-infra:environment: qa\n  egress-infra:egress:\n    namespaces: [a]\n");

        Assert.Equal(2, CliRunner.Run("graph", "--file", file).Exit);
    }
}
