using EgressInfra.Core.Schema;
using EgressInfra.TestSupport;

namespace EgressInfra.Cli.Tests.Commands;

public class SchemaCommandTests
{
    [Fact]
    public void Default_PrintsTheEgressSchema()
    {
        var (exit, output, _) = CliRunner.Run("schema");

        Assert.Equal(0, exit);
        Assert.Equal(ConfigSchema.Egress(), output);
    }

    [Fact]
    public void KindStack_UsesTheProjectNameOfPulumiYaml()
    {
        var (exit, output, _) = CliRunner.Run("schema", "--kind", "stack", "--project-dir", RepoPaths.Root);

        Assert.Equal(0, exit);
        Assert.Contains("\"egress-infra:egress\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_WritesTheCommittedFiles()
    {
        var dir = Directory.CreateTempSubdirectory("schema-").FullName;

        var (exit, _, _) = CliRunner.Run("schema", "--out", dir, "--project-dir", RepoPaths.Root);

        Assert.Equal(0, exit);
        Assert.Equal(RepoPaths.ReadText("schema", "egress.schema.json"), File.ReadAllText(Path.Combine(dir, "egress.schema.json")));
        Assert.Equal(RepoPaths.ReadText("schema", "stack.schema.json"), File.ReadAllText(Path.Combine(dir, "stack.schema.json")));
    }
}
