using System.CommandLine;
using EgressInfra.TestSupport;

namespace EgressInfra.Cli.Tests.Workflows;

/// <summary>
/// Checks a command a workflow runs against what exists: <c>dotnet</c> verbs and options against
/// <see cref="DotnetCli"/>, paths against the repository, and egressctl verbs and options against
/// the CLI's real command tree (<see cref="EgressCtl.BuildRootCommand"/>). Option values are only
/// checked where the repository can answer (stack names, files); formats are left to the CLI.
/// </summary>
internal sealed class CommandChecker
{
    public const string CliProject = "infra/EgressInfra.Cli";

    private readonly RootCommand _root = EgressCtl.BuildRootCommand(new CliContext(TextWriter.Null, TextWriter.Null));

    public List<string> Problems { get; } = [];

    /// <summary>Every egressctl invocation seen, as its argument list (verb first).</summary>
    public List<IReadOnlyList<string>> EgressctlRuns { get; } = [];

    /// <summary>Every dotnet invocation seen, as its argument list (verb first).</summary>
    public List<IReadOnlyList<string>> DotnetRuns { get; } = [];

    public void Check(IReadOnlyList<string> words, string where)
    {
        switch (words[0])
        {
            case "dotnet":
                CheckDotnet(words.Skip(1).ToList(), where);
                break;
            case "egressctl":
                CheckEgressctl(words.Skip(1).ToList(), where);
                break;
        }
    }

    private void CheckDotnet(List<string> args, string where)
    {
        DotnetRuns.Add(args);
        if (args.Count == 0 || !DotnetCli.Verbs.TryGetValue(args[0], out var verb))
        {
            Problems.Add($"{where}: 'dotnet {string.Join(' ', args)}' is not a dotnet verb the workflows may use");
            return;
        }

        var separator = args.IndexOf("--");
        var own = separator < 0 ? args.Skip(1).ToList() : args.Skip(1).Take(separator - 1).ToList();
        var paths = 0;
        string? project = null;
        for (var i = 0; i < own.Count; i++)
        {
            var word = own[i];
            if (verb.Valued.Contains(word))
            {
                if (i + 1 >= own.Count)
                {
                    Problems.Add($"{where}: dotnet {args[0]} {word} needs a value");
                    break;
                }

                if (word == "--project")
                {
                    project = own[i + 1];
                    CheckProject(project, where);
                }

                i++;
            }
            else if (verb.Flags.Contains(word))
            {
                continue;
            }
            else if (word.StartsWith('-'))
            {
                Problems.Add($"{where}: dotnet {args[0]} has no option {word}");
            }
            else
            {
                paths++;
                CheckProject(word, where);
            }
        }

        if (paths > verb.Paths)
        {
            Problems.Add($"{where}: dotnet {args[0]} takes at most {verb.Paths} project or solution path(s)");
        }

        if (args[0] == "run")
        {
            if (project is null)
            {
                Problems.Add($"{where}: dotnet run without --project");
            }
            else if (project.TrimEnd('/') == CliProject && separator >= 0)
            {
                CheckEgressctl(args.Skip(separator + 1).ToList(), where);
            }
        }
    }

    private void CheckProject(string path, string where)
    {
        var full = RepoPaths.File(path);
        var exists = path.EndsWith(".sln", StringComparison.Ordinal) || path.EndsWith(".slnf", StringComparison.Ordinal) || path.EndsWith(".csproj", StringComparison.Ordinal)
            ? File.Exists(full)
            : Directory.Exists(full) && Directory.EnumerateFiles(full, "*.csproj").Any();
        if (!exists)
        {
            Problems.Add($"{where}: no project or solution at {path}");
        }
    }

    private void CheckEgressctl(List<string> args, string where)
    {
        EgressctlRuns.Add(args);
        var command = args.Count == 0 ? null : _root.Subcommands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            Problems.Add($"{where}: egressctl has no verb '{(args.Count == 0 ? string.Empty : args[0])}'");
            return;
        }

        for (var i = 1; i < args.Count; i++)
        {
            var word = args[i];
            var option = command.Options.FirstOrDefault(o => o.Name == word || o.Aliases.Contains(word));
            if (option is null)
            {
                Problems.Add($"{where}: egressctl {command.Name} has no {(word.StartsWith('-') ? "option" : "argument")} '{word}'");

                // Skip what is most likely the unknown option's value, so one typo is one problem.
                i += word.StartsWith('-') && i + 1 < args.Count && !args[i + 1].StartsWith('-') ? 1 : 0;
                continue;
            }

            var takesValue = option.Arity.MaximumNumberOfValues > 0
                && (option.Arity.MinimumNumberOfValues > 0 || (i + 1 < args.Count && args[i + 1] is "true" or "false"));
            if (!takesValue)
            {
                continue;
            }

            if (i + 1 >= args.Count)
            {
                Problems.Add($"{where}: egressctl {command.Name} {word} needs a value");
                break;
            }

            CheckValue(option.Name, args[++i], where);
        }
    }

    private void CheckValue(string option, string value, string where)
    {
        if (value.Contains('$', StringComparison.Ordinal))
        {
            return;
        }

        if (option == "--stack" && !File.Exists(RepoPaths.File($"Pulumi.{value}.yaml")))
        {
            Problems.Add($"{where}: there is no stack '{value}' (Pulumi.{value}.yaml)");
        }

        if (option is "--file" or "--project-dir" && !Path.IsPathRooted(value) && !File.Exists(RepoPaths.File(value)) && !Directory.Exists(RepoPaths.File(value)))
        {
            Problems.Add($"{where}: {option} {value} does not exist in the repository");
        }
    }
}
