using System.CommandLine;
using EgressInfra.Cli.Output;
using EgressInfra.Core.Config.Binding;

namespace EgressInfra.Cli.Commands;

/// <summary>
/// Options shared by several verbs, built one way so that every verb lists only the values it
/// supports, shows its default as <c>[default: x]</c>, and answers a mistyped value with "did you mean".
/// </summary>
public static class CommonOptions
{
    /// <summary>A <c>--format</c> option; the first format is the default.</summary>
    public static Option<string> Format(string verb, string description, params string[] formats) =>
        Choice("--format", verb, "format", description, formats);

    /// <summary>check and lint: the diagnostic formats.</summary>
    public static Option<string> DiagnosticFormat(string verb) => Format(
        verb,
        "Output format for findings: text, json, github (Actions annotations) or sarif (code scanning).",
        "text", "json", "github", "sarif");

    public static OutputFormat ToOutputFormat(string format) => Enum.Parse<OutputFormat>(format, ignoreCase: true);

    /// <summary>An option taking one of <paramref name="values"/> (case-insensitive; the value returned is the listed spelling); the first is the default.</summary>
    public static Option<string> Choice(string name, string verb, string noun, string description, params string[] values)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            HelpName = string.Join('|', values),
            DefaultValueFactory = _ => values[0],
        };
        option.CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : values[0];
            var match = values.FirstOrDefault(v => v.Equals(token, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                result.AddError(NotOneOf(token, noun, verb, values));
            }

            return match ?? values[0];
        };
        return option;
    }

    public static string NotOneOf(string token, string noun, string verb, IReadOnlyList<string> values)
    {
        var suggestion = KeySuggester.Suggest(token, values);
        var mean = suggestion is null ? "." : $": did you mean '{suggestion}'?";
        return $"'{token}' is not a {noun} of egressctl {verb}{mean} Use one of: {string.Join(", ", values)} (default: {values[0]}).";
    }
}
