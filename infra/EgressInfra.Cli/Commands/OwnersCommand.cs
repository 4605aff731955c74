using System.CommandLine;
using EgressInfra.Cli.Input;
using EgressInfra.Core.Fragments;

namespace EgressInfra.Cli.Commands;

/// <summary><c>egressctl owners</c>: the CODEOWNERS block that gives each included fragment to its owner.</summary>
public static class OwnersCommand
{
    public static Option<string?> OrgOption() => new("--org")
    {
        Description = "GitHub organization of owners written as bare team names: team-payments becomes @ORG/team-payments (owners written as @handle or e-mail are kept).",
        HelpName = "ORG",
    };

    public static Command Create(CliContext context)
    {
        var stack = new StackOptions();
        var org = OrgOption();
        var command = new Command("owners", "Print a CODEOWNERS block giving each fragment under egress.include to the team it names as owner.");
        stack.AddTo(command);
        command.Add(org);
        command.SetAction(parse =>
        {
            var source = stack.Resolve(parse);
            var document = source.Parse();
            if (document.IsUnusable)
            {
                Output.DiagnosticWriter.WriteText(context.Error, document.Problems, source.DisplayPath);
                return ExitCodes.Unusable;
            }

            if (document.Fragments.Count == 0)
            {
                context.Error.Write($"{source.DisplayPath} includes no fragments (egress.include); the block is empty\n");
            }

            foreach (var fragment in document.Fragments.Where(f => f.Owner is null))
            {
                context.Error.Write($"{fragment.Display} names no owner and is left out\n");
            }

            // A fragment that could not be read (a FIFO, over the budget, not YAML) has no owner to print:
            // the block would silently miss it, so the finding is said and the exit code is 1.
            var errors = document.Problems.Where(p => p.IsError).ToList();
            if (errors.Count > 0)
            {
                Output.DiagnosticWriter.WriteText(context.Error, errors, source.DisplayPath);
            }

            context.Out.Write(CodeOwners.Block(document.Fragments, parse.GetValue(org)));
            return errors.Count > 0 || document.Fragments.Any(f => f.Owner is null) ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }
}
