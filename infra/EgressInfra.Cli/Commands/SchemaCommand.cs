using System.CommandLine;
using System.Text;
using EgressInfra.Cli.Input;
using EgressInfra.Core.Schema;
using EgressInfra.Core.Sources;

namespace EgressInfra.Cli.Commands;

/// <summary><c>egressctl schema</c>: the JSON Schema of the config, generated from the binder, for editors and for the committed schema/ folder.</summary>
public static class SchemaCommand
{
    public static Command Create(CliContext context)
    {
        var kind = CommonOptions.Choice("--kind", "schema", "schema kind", "Which schema to print: egress (the egress object) or stack (a whole Pulumi.<stack>.yaml).", "egress", "stack");
        var outDir = new Option<string?>("--out", "-o") { Description = $"Write both schemas ({ConfigSchema.EgressFileName}, {ConfigSchema.StackFileName}) into this directory instead of printing." };
        var projectDir = new Option<string?>("--project-dir") { Description = "Directory holding Pulumi.yaml, whose name prefixes the stack keys (default: current directory)." };
        var command = new Command("schema", "Print the JSON Schema (draft 2020-12) of the egress config, generated from the config model.")
        {
            kind, outDir, projectDir,
        };
        command.SetAction(parse =>
        {
            var project = ProjectName(parse.GetValue(projectDir) ?? ".");
            var dir = parse.GetValue(outDir);
            if (dir is null)
            {
                context.Out.Write(parse.GetValue(kind) == "stack" ? ConfigSchema.Stack(project) : ConfigSchema.Egress());
                return ExitCodes.Ok;
            }

            try
            {
                Directory.CreateDirectory(dir);
                File.WriteAllText(Path.Combine(dir, ConfigSchema.EgressFileName), ConfigSchema.Egress(), new UTF8Encoding(false));
                File.WriteAllText(Path.Combine(dir, ConfigSchema.StackFileName), ConfigSchema.Stack(project), new UTF8Encoding(false));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot write to {dir}: {ex.Message}");
            }

            context.Out.Write($"wrote {ConfigSchema.EgressFileName} and {ConfigSchema.StackFileName} to {dir}\n");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string ProjectName(string dir)
    {
        var path = Path.Combine(dir, "Pulumi.yaml");
        return File.Exists(path) ? ProjectFile.Parse(StackSource.ReadText(path), path).Name : StackFile.DefaultProjectName;
    }
}
