using System.CommandLine;
using EgressInfra.Cli.Input;
using EgressInfra.Cli.Output;
using EgressInfra.Core.Graph;
using EgressInfra.Core.Pipeline;

namespace EgressInfra.Cli.Commands;

/// <summary><c>egressctl graph</c>: a Mermaid diagram of namespaces and the external destinations they reach.</summary>
public static class GraphCommand
{
    public static Command Create(CliContext context)
    {
        var stack = new StackOptions();
        var format = CommonOptions.Format("graph", "Output format: mermaid, or markdown (the diagram in a ```mermaid fence).", "mermaid", "markdown");
        var title = new Option<string?>("--title") { Description = "Title drawn above the diagram." };
        var command = new Command("graph", "Print a Mermaid flowchart of a stack: namespaces -> external destinations (host:port/PROTOCOL), edges named by service.");
        stack.AddTo(command);
        command.Add(format);
        command.Add(title);
        command.SetAction(parse =>
        {
            var source = stack.Resolve(parse);
            var plan = EgressPipeline.Evaluate(source.Parse(), new EvaluationOptions(context.Time));
            if (plan.Config is null)
            {
                DiagnosticWriter.WriteText(context.Error, plan.Diagnostics, source.DisplayPath);
                return ExitCodes.Unusable;
            }

            var text = parse.GetValue(format) == "markdown"
                ? MermaidGraph.WriteMarkdown(plan.Config, parse.GetValue(title))
                : MermaidGraph.Write(plan.Config, parse.GetValue(title));
            context.Out.Write(text);
            if (plan.HasErrors)
            {
                // Drawn from what bound, so a broken pull request still shows its shape; the exit code says it is broken.
                DiagnosticWriter.WriteText(context.Error, [.. plan.Errors], source.DisplayPath);
                return ExitCodes.Findings;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
