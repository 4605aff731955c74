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
    /// <summary>Every verb, by the name that selects it.</summary>
    private static readonly (string Name, Func<CliContext, Command> Create)[] Verbs =
    [
        ("check", CheckCommand.Create),
        ("render", RenderCommand.Create),
        ("lint", LintCommand.Create),
        ("explain", ExplainCommand.Create),
        ("diff", DiffCommand.Create),
        ("graph", GraphCommand.Create),
        ("schema", SchemaCommand.Create),
        ("presets", PresetsCommand.Create),
    ];

    /// <summary>The whole command tree: every verb and option egressctl accepts (the workflow tests read it).</summary>
    public static RootCommand BuildRootCommand(CliContext context) => Root(context, Verbs);

    /// <summary>
    /// The tree for one run: when the first argument names a verb, only that verb is built (its
    /// parsing, help and errors do not depend on the others, and building all of them was a large
    /// part of the start-up); otherwise the whole tree, for root help and suggestions.
    /// </summary>
    private static RootCommand CommandTreeFor(string[] args, CliContext context)
    {
        foreach (var verb in Verbs)
        {
            if (args.Length > 0 && args[0] == verb.Name)
            {
                return Root(context, [verb]);
            }
        }

        return BuildRootCommand(context);
    }

    private static RootCommand Root(CliContext context, (string Name, Func<CliContext, Command> Create)[] verbs)
    {
        var root = new RootCommand("egressctl: check, render, lint and explain Istio egress declared in Pulumi stack files, offline.");
        foreach (var (_, create) in verbs)
        {
            root.Add(create(context));
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
        var root = CommandTreeFor(args, context);
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
