using System.CommandLine;
using EgressInfra.Core.Config.Binding;

namespace EgressInfra.Cli;

/// <summary>
/// Reads the command line before the parser does, to answer a mistyped verb or option in one line
/// with "did you mean" and the verb's own help. It matters most for lint, whose file arguments would
/// otherwise swallow an unknown option such as <c>--profle</c> and report it as a missing file.
/// </summary>
public static class UsageAdvisor
{
    private static readonly string[] HelpNames = ["--help", "-h", "-?", "/?", "/h", "--version"];

    /// <summary>The verb the arguments name, when they name one.</summary>
    public static Command? Verb(RootCommand root, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        return args.Count == 0 ? null : root.Subcommands.FirstOrDefault(c => c.Name == args[0] || c.Aliases.Contains(args[0]));
    }

    /// <summary>Where to read more: the verb's help when there is a verb, else the root's.</summary>
    public static string HelpHint(RootCommand root, IReadOnlyList<string> args) =>
        Verb(root, args) is { } verb ? $"Run 'egressctl {verb.Name} --help' for its options." : "Run 'egressctl --help' for usage.";

    /// <summary>A one-line complaint about the first unknown verb or option, or null when there is none.</summary>
    public static string? Problem(RootCommand root, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0)
        {
            return null;
        }

        var verbs = root.Subcommands.Select(c => c.Name).ToList();
        var verb = Verb(root, args);
        if (verb is null)
        {
            var first = args[0];
            if (first.StartsWith('-') || HelpNames.Contains(first))
            {
                return HelpNames.Contains(first) ? null : UnknownOption(first, "egressctl", [.. HelpNames], "egressctl --help");
            }

            var suggestion = KeySuggester.Suggest(first, verbs);
            var mean = suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
            return $"'{first}' is not an egressctl verb{mean} Verbs: {string.Join(", ", verbs)}. Run 'egressctl --help' for usage.";
        }

        var options = verb.Options.Concat(root.Options.Where(o => o.Recursive)).ToList();
        var names = options.SelectMany(o => o.Aliases.Prepend(o.Name)).Concat(HelpNames).ToHashSet(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            var token = args[i];
            if (token == "--")
            {
                break;
            }

            if (token.Length < 2 || token[0] != '-' || IsNumber(token))
            {
                continue;
            }

            var name = token.Split('=', ':')[0];
            if (!names.Contains(name))
            {
                return UnknownOption(name, $"egressctl {verb.Name}", names, $"egressctl {verb.Name} --help");
            }

            // An option's value may itself start with '-' (a title, a negative number): skip it.
            var option = options.FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name));
            if (option is not null && name == token && option.Arity.MaximumNumberOfValues > 0 && option.ValueType != typeof(bool))
            {
                i++;
            }
        }

        return null;
    }

    private static string UnknownOption(string name, string where, IEnumerable<string> known, string help)
    {
        var suggestion = KeySuggester.Suggest(name.TrimStart('-'), known.Where(k => k.StartsWith("--", StringComparison.Ordinal)).Select(k => k[2..]));
        var mean = suggestion is null ? string.Empty : $"; did you mean '--{suggestion}'?";
        return $"'{name}' is not an option of {where}{mean} Run '{help}' for its options.";
    }

    private static bool IsNumber(string token) => double.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out _);
}
