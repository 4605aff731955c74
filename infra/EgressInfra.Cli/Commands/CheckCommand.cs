using System.CommandLine;
using EgressInfra.Cli.Input;
using EgressInfra.Cli.Output;
using EgressInfra.Core.Pipeline;

namespace EgressInfra.Cli.Commands;

/// <summary><c>egressctl check</c>: every problem in a stack file, with its config path and line.</summary>
public static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var stack = new StackOptions();
        var format = CommonOptions.DiagnosticFormat("check");
        var command = new Command("check", "Validate a stack file: config shape, Istio's rules, cross-entry analysis and the profile's policy.");
        stack.AddTo(command);
        command.Add(format);
        command.SetAction(parse =>
        {
            var source = stack.Resolve(parse);
            var plan = EgressPipeline.Evaluate(source.Parse(), new EvaluationOptions(context.Time));
            DiagnosticWriter.Write(context.Out, plan.Diagnostics, CommonOptions.ToOutputFormat(parse.GetValue(format)!), source.DisplayPath);
            return plan.IsUnusable ? ExitCodes.Unusable : plan.HasErrors ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }
}
