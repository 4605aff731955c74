using System.CommandLine;
using System.Text;
using EgressInfra.Cli.Input;
using EgressInfra.Cli.Output;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;

namespace EgressInfra.Cli.Commands;

/// <summary><c>egressctl render</c>: the exact manifests a stack deploys, in canonical order.</summary>
public static class RenderCommand
{
    public static Command Create(CliContext context)
    {
        var stack = new StackOptions();
        var outDir = new Option<string?>("--out", "-o") { Description = "Write one YAML file per object into this directory instead of printing." };
        var command = new Command("render", "Print the Kubernetes manifests (ServiceEntry, Sidecar) of a stack as multi-document YAML.");
        stack.AddTo(command);
        command.Add(outDir);
        command.SetAction(parse =>
        {
            var source = stack.Resolve(parse);
            var plan = EgressPipeline.Evaluate(source.Parse(), new EvaluationOptions(context.Time));
            if (plan.Manifests is null)
            {
                // Nothing is rendered from a stack with errors: a partial manifest set is worse than none.
                DiagnosticWriter.WriteText(context.Error, plan.Diagnostics, source.DisplayPath);
                return plan.IsUnusable ? ExitCodes.Unusable : ExitCodes.Findings;
            }

            var objects = plan.Manifests.Objects.ToList();
            var dir = parse.GetValue(outDir);
            if (dir is null)
            {
                context.Out.Write(YamlWriter.RenderObjects(objects));
            }
            else
            {
                WriteFiles(dir, objects);
                context.Out.Write($"wrote {objects.Count} manifests to {dir}\n");
            }

            if (plan.Warnings.Any())
            {
                DiagnosticWriter.WriteText(context.Error, [.. plan.Warnings], source.DisplayPath);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteFiles(string dir, IReadOnlyList<IKubernetesObject> objects)
    {
        try
        {
            Directory.CreateDirectory(dir);
            foreach (var obj in objects)
            {
                var name = $"{obj.Metadata.Namespace}.{obj.Kind.ToLowerInvariant()}.{obj.Metadata.Name}.yaml";
                File.WriteAllText(Path.Combine(dir, name), YamlWriter.RenderObjects([obj]), new UTF8Encoding(false));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write to {dir}: {ex.Message}");
        }
    }
}
