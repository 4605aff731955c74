using System.Globalization;
using System.Text;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Cli.Output;

/// <summary>
/// Findings as GitHub Actions workflow commands, which the runner turns into annotations on the lines
/// of a pull request: <c>::error file=F,line=L,col=C,title=CODE::message (path) fix: hint</c>.
/// </summary>
public static class GithubAnnotations
{
    public static void Write(TextWriter writer, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var d in diagnostics)
        {
            writer.Write(Format(d));
            writer.Write('\n');
        }
    }

    public static string Format(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var command = diagnostic.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
        };

        var properties = new List<string>();
        if (diagnostic.Location is { } at)
        {
            properties.Add($"file={EscapeProperty(at.File)}");
            properties.Add(string.Create(CultureInfo.InvariantCulture, $"line={Math.Max(1, at.Line)}"));
            properties.Add(string.Create(CultureInfo.InvariantCulture, $"col={Math.Max(1, at.Column)}"));
        }

        properties.Add($"title={EscapeProperty(diagnostic.Code)}");

        var message = new StringBuilder(diagnostic.Message);
        if (diagnostic.Path.Length > 0)
        {
            message.Append(" (").Append(diagnostic.Path).Append(')');
        }

        if (diagnostic.Hint is not null)
        {
            message.Append(" fix: ").Append(diagnostic.Hint);
        }

        return $"::{command} {string.Join(',', properties)}::{EscapeData(message.ToString())}";
    }

    /// <summary>The runner's escaping for a command's message: %, CR and LF.</summary>
    public static string EscapeData(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value
            .Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);
    }

    /// <summary>Property values also escape ':' and ',', which separate the properties themselves.</summary>
    public static string EscapeProperty(string value) =>
        EscapeData(value)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);
}
