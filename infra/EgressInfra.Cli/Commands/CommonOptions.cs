using System.CommandLine;
using EgressInfra.Cli.Output;

namespace EgressInfra.Cli.Commands;

/// <summary>Options shared by several verbs.</summary>
public static class CommonOptions
{
    public static Option<OutputFormat> Format() => new("--format")
    {
        Description = "Output format for findings: text, json, github (Actions annotations) or sarif (code scanning).",
        HelpName = "text|json|github|sarif",
        DefaultValueFactory = _ => OutputFormat.Text,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "text";
            if (Enum.TryParse<OutputFormat>(token, ignoreCase: true, out var format) && !int.TryParse(token, out _))
            {
                return format;
            }

            result.AddError($"'{token}' is not a format; use one of: {string.Join(", ", Enum.GetNames<OutputFormat>().Select(n => n.ToLowerInvariant()))}");
            return OutputFormat.Text;
        },
    };
}
