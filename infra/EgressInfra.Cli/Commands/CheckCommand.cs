using System.CommandLine;
using EgressInfra.Cli.Input;
using EgressInfra.Cli.Output;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Fragments;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;

namespace EgressInfra.Cli.Commands;

/// <summary><c>egressctl check</c>: every problem in a stack file, with its config path and line.</summary>
public static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var stack = new StackOptions();
        var format = CommonOptions.DiagnosticFormat("check");
        var command = new Command("check", "Validate a stack file: config shape, Istio's rules, cross-entry analysis and the profile's policy.");
        var codeOwners = new Option<string?>("--codeowners") { Description = "Also verify that this CODEOWNERS file gives each included fragment to its owner (as `egressctl owners` prints it).", HelpName = "FILE" };
        var org = OwnersCommand.OrgOption();
        stack.AddTo(command);
        command.Add(format);
        command.Add(codeOwners);
        command.Add(org);
        command.SetAction(parse =>
        {
            // Peak memory: nothing here holds the stack's text or its parse tree past the evaluation (the
            // source's text is the file twice over, the tree several times), only what is reported.
            var (displayPath, document) = Read(stack.Resolve(parse));
            var fragments = document.Fragments;
            var plan = EgressPipeline.Evaluate(document, new EvaluationOptions(context.Time));
            var diagnostics = plan.Diagnostics;
            if (parse.GetValue(codeOwners) is { } file && !plan.IsUnusable)
            {
                var text = StackSource.ReadText(file);
                diagnostics = DiagnosticOrder.Sort([.. diagnostics, .. CodeOwners.Verify(text, file, fragments, parse.GetValue(org))]);
            }

            var chosen = CommonOptions.ToOutputFormat(parse.GetValue(format)!);
            switch (chosen)
            {
                case OutputFormat.Json:
                    DiagnosticWriter.WriteFindings(context.Out, diagnostics, chosen, displayPath, json => PostureWriter.WriteJson(json, plan));
                    break;
                case OutputFormat.Text:
                    DiagnosticWriter.WriteFindings(context.Out, diagnostics, chosen, displayPath);
                    PostureWriter.WriteText(context.Out, plan);
                    context.Out.Write($"{displayPath}: {DiagnosticWriter.Summary(diagnostics)}\n");
                    break;
                default:
                    DiagnosticWriter.Write(context.Out, diagnostics, chosen, displayPath);
                    break;
            }

            return plan.IsUnusable ? ExitCodes.Unusable : diagnostics.Any(d => d.IsError) ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The source's name for messages and its parsed document, so that a caller need not keep the source (and its text).</summary>
    internal static (string DisplayPath, StackDocument Document) Read(StackSource source) => (source.DisplayPath, source.Parse());
}
