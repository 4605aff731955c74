using System.CommandLine;
using EgressInfra.Cli.Commands;
using EgressInfra.Cli.Output;

namespace EgressInfra.Cli;

/// <summary>
/// The egressctl command line. Everything it knows about egress comes from the Core; this layer only
/// reads files, parses arguments and prints.
/// </summary>
public static class EgressCtl
{
    /// <summary>The whole command tree: every verb and option egressctl accepts (the workflow tests read it).</summary>
    public static RootCommand BuildRootCommand(CliContext context)
    {
        var root = new RootCommand("egressctl: check, render, lint and explain Istio egress declared in Pulumi stack files, offline.")
        {
            CheckCommand.Create(context),
            RenderCommand.Create(context),
            LintCommand.Create(context),
            ExplainCommand.Create(context),
            DiffCommand.Create(context),
            GraphCommand.Create(context),
            SchemaCommand.Create(context),
            PresetsCommand.Create(context),
            OwnersCommand.Create(context),
            ImportCommand.Create(context),
            LearnCommand.Create(context),
        };
        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
            {
                version.Action = new VersionAction();
            }
        }

        return root;
    }

    /// <param name="time">The clock waivers and preset address ages are judged by; the system clock when null.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider? time = null) =>
        Run(args, new CliContext(stdout, stderr) { Time = time ?? TimeProvider.System });

    public static int Run(string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        context = context with { Out = new ControlCharacterEscaper(context.Out), Error = new ControlCharacterEscaper(context.Error) };
        var (stdout, stderr) = (context.Out, context.Error);
        var root = BuildRootCommand(context);
        if (UsageAdvisor.Problem(root, args) is { } problem)
        {
            stderr.Write($"egressctl: {problem}\n");
            return ExitCodes.Unusable;
        }

        var parse = root.Parse(args);
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.Write($"egressctl: {error.Message}\n");
            }

            stderr.Write($"{UsageAdvisor.HelpHint(root, args)}\n");
            return ExitCodes.Unusable;
        }

        try
        {
            return parse.Invoke(invocation);
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"egressctl: {ex.Message}");
            return ExitCodes.Unusable;
        }
    }
}
