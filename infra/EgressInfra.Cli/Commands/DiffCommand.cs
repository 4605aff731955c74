using System.CommandLine;
using EgressInfra.Cli.Input;
using EgressInfra.Cli.Output;
using EgressInfra.Core.Diff;
using EgressInfra.Core.Pipeline;

namespace EgressInfra.Cli.Commands;

/// <summary><c>egressctl diff</c>: the semantic egress difference between two stacks or two versions of one stack file.</summary>
public static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var stacks = new Option<string[]>("--stack", "-s") { Description = "A stack name; give two: --stack OLD --stack NEW." };
        var files = new Option<string[]>("--file", "-f") { Description = "A stack file path; give two: --file OLD --file NEW (e.g. the base branch's version saved with git show)." };
        var projectDir = new Option<string?>("--project-dir") { Description = "Directory holding Pulumi.yaml and the stack files (default: current directory)." };
        var format = CommonOptions.Format("diff", "Output format: text or markdown (for a pull-request comment).", "text", "markdown");
        var title = new Option<string?>("--title") { Description = "Heading of the Markdown output (default: the two names)." };
        var maxInputSize = InputLimit.CreateOption();
        var exitCode = new Option<bool>("--exit-code") { Description = "Exit 1 when there are changes, as git diff --exit-code does (default: 0 on success)." };
        var command = new Command("diff", "Print what changes between two stacks or two versions of a stack file: destinations gained and lost per namespace, changed services, stack settings (profile, policy rules and prefix limits, probe), waivers.")
        {
            stacks, files, projectDir, format, title, exitCode, maxInputSize,
        };
        command.SetAction(parse =>
        {
            var (old, @new) = Resolve(parse.GetValue(stacks) ?? [], parse.GetValue(files) ?? [], parse.GetValue(projectDir), InputLimit.Resolve(parse.GetValue(maxInputSize)));
            var options = new EvaluationOptions(context.Time);
            // Peak memory: each version is parsed just before it is evaluated and neither source (with
            // its text) is held past that, so one parse tree at most is alive at a time.
            var (oldName, newName) = (old.DisplayPath, @new.DisplayPath);
            var result = EgressDiffer.Compare(old.Parse, oldName, @new.Parse, newName, options);
            if (result.Diff is not { } diff)
            {
                foreach (var (plan, name) in new[] { (result.Old, oldName), (result.New, newName) })
                {
                    if (plan.Config is null)
                    {
                        DiagnosticWriter.WriteText(context.Error, plan.Diagnostics, name);
                    }
                }

                context.Error.Write("a stack file whose shape does not bind cannot be compared; fix the errors above\n");
                return ExitCodes.Unusable;
            }

            context.Out.Write(parse.GetValue(format) == "markdown" ? DiffMarkdown.Write(diff, parse.GetValue(title)) : DiffText.Write(diff));
            return parse.GetValue(exitCode) && !diff.IsEmpty ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    private static (StackSource Old, StackSource New) Resolve(string[] stacks, string[] files, string? projectDir, long limit)
    {
        if (stacks.Length > 0 && files.Length > 0)
        {
            throw new UsageException("compare two stacks (--stack A --stack B) or two files (--file OLD --file NEW), not a mix");
        }

        if (stacks.Length == 2)
        {
            return (StackSource.Resolve(stacks[0], null, projectDir, new(limit)), StackSource.Resolve(stacks[1], null, projectDir, new(limit)));
        }

        if (files.Length == 2)
        {
            return (StackSource.Resolve(null, files[0], projectDir, new(limit)), StackSource.Resolve(null, files[1], projectDir, new(limit)));
        }

        throw new UsageException("give exactly two stacks (--stack A --stack B) or two files (--file OLD --file NEW)");
    }
}
