using System.CommandLine;
using System.Text;
using EgressInfra.Cli.Input;
using EgressInfra.Cli.Output;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Probe;

namespace EgressInfra.Cli.Commands;

/// <summary><c>egressctl render</c>: the exact manifests a stack deploys, in canonical order.</summary>
public static class RenderCommand
{
    public static Command Create(CliContext context)
    {
        var stack = new StackOptions();
        var outDir = new Option<string?>("--out", "-o") { Description = "Write one YAML file per object into this directory instead of printing." };
        var command = new Command("render", "Print the Kubernetes manifests (ServiceEntry, Sidecar, and the probe Job when the stack enables it) of a stack as multi-document YAML.");
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

            // The probe Job runs inside the governed namespaces: reviewed with the policy, not hidden in the program.
            var probes = ProbePlanner.Plan(plan.Manifests, plan.Config!);
            var dir = parse.GetValue(outDir);
            if (dir is null)
            {
                context.Out.Write(YamlWriter.RenderObjects(objects));
                context.Out.Write(YamlWriter.WriteDocuments(probes.Select(ProbeJobManifest.ToTree)));
            }
            else
            {
                WriteFiles(dir, objects, probes);
                context.Out.Write($"wrote {objects.Count + probes.Count} manifests to {dir}\n");
            }

            if (plan.Warnings.Any())
            {
                DiagnosticWriter.WriteText(context.Error, [.. plan.Warnings], source.DisplayPath);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteFiles(string dir, IReadOnlyList<IKubernetesObject> objects, IReadOnlyList<ProbePlan> probes)
    {
        try
        {
            Directory.CreateDirectory(dir);
            foreach (var obj in objects)
            {
                var name = $"{obj.Metadata.Namespace}.{obj.Kind.ToLowerInvariant()}.{obj.Metadata.Name}.yaml";
                File.WriteAllText(Path.Combine(dir, name), YamlWriter.RenderObjects([obj]), new UTF8Encoding(false));
            }

            foreach (var probe in probes)
            {
                var name = $"{probe.Namespace}.job.{ProbeJobManifest.RenderedName(probe)}.yaml";
                File.WriteAllText(Path.Combine(dir, name), YamlWriter.WriteDocuments([ProbeJobManifest.ToTree(probe)]), new UTF8Encoding(false));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write to {dir}: {ex.Message}");
        }
    }
}
