using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Cli.Output;

/// <summary>Prints diagnostics in the chosen format. Input is already in canonical order.</summary>
public static class DiagnosticWriter
{
    /// <summary>Findings and, for the line-oriented formats, a closing summary line about <paramref name="summarySubject"/>.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<Diagnostic> diagnostics, OutputFormat format, string summarySubject)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteFindings(writer, diagnostics, format, summarySubject);
        if (format is OutputFormat.Text or OutputFormat.Github)
        {
            writer.Write($"{summarySubject}: {Summary(diagnostics)}\n");
        }
    }

    /// <summary>Findings only: the caller prints its own summary (the JSON formats are complete documents).</summary>
    /// <param name="subjectFile">The file the findings are about, when there is one (SARIF results without a location point there).</param>
    /// <param name="extraJson">Extra top-level properties for the json format.</param>
    public static void WriteFindings(TextWriter writer, IReadOnlyList<Diagnostic> diagnostics, OutputFormat format, string? subjectFile = null, Action<Utf8JsonWriter>? extraJson = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(diagnostics);
        diagnostics = Shown(diagnostics);
        switch (format)
        {
            case OutputFormat.Json:
                writer.Write(ToJson(diagnostics, extraJson));
                writer.Write('\n');
                break;
            case OutputFormat.Github:
                GithubAnnotations.Write(writer, diagnostics);
                break;
            case OutputFormat.Sarif:
                writer.Write(SarifLog.ToJson(diagnostics, subjectFile));
                writer.Write('\n');
                break;
            default:
                WriteTextFindings(writer, diagnostics);
                break;
        }
    }

    /// <summary>Findings printed in full by one report; the rest are counted in one EGR032 note (and in the summary).</summary>
    public const int MaxShown = 1000;

    /// <summary>The first <see cref="MaxShown"/> findings and, when there are more, a note counting the rest by severity.</summary>
    public static IReadOnlyList<Diagnostic> Shown(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (diagnostics.Count <= MaxShown)
        {
            return diagnostics;
        }

        var rest = diagnostics.Skip(MaxShown).ToList();
        var note = InputCodes.FindingsTruncated.Create(
            string.Empty,
            $"{rest.Count} more findings not shown ({Count(rest.Count(d => d.IsError), "error")}, {Count(rest.Count(d => d.Severity == Severity.Warning), "warning")}); the first {MaxShown} are shown in full");
        return [.. diagnostics.Take(MaxShown), note];
    }

    public static void WriteText(TextWriter writer, IReadOnlyList<Diagnostic> diagnostics, string subject)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteTextFindings(writer, Shown(diagnostics));
        writer.Write($"{subject}: {Summary(diagnostics)}\n");
    }

    private static void WriteTextFindings(TextWriter writer, IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            var where = d.Location is null ? string.Empty : $"{d.Location.File}:{d.Location.Line}:{d.Location.Column}: ";
            writer.Write($"{OneLine(where)}{SeverityName(d.Severity)} {d.Code}: {OneLine(d.Message)}\n");
            var at = d.Path.Length == 0 ? string.Empty : d.Path;
            if (d.Resource is not null)
            {
                at = at.Length == 0 ? d.Resource : $"{at} ({d.Resource})";
            }

            if (at.Length > 0)
            {
                writer.Write($"    at {OneLine(at)}\n");
            }

            if (d.Hint is not null)
            {
                writer.Write($"    fix: {OneLine(d.Hint)}\n");
            }
        }
    }

    /// <summary>A line break inside a value would start what looks like another finding; it is printed as \n.</summary>
    public static string OneLine(string text) =>
        text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    public static string Summary(IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
        if (errors == 0 && warnings == 0)
        {
            return "ok";
        }

        // A mandatory rule waived is repeated in the summary line, so that it is seen on every run.
        var waived = diagnostics.Count(d => d.Code == PolicyCodes.MandatoryRuleWaived.Code);
        var suffix = waived == 0 ? string.Empty : $"; {(waived == 1 ? "1 mandatory rule" : $"{waived} mandatory rules")} WAIVED";
        return $"{Count(errors, "error")}, {Count(warnings, "warning")}{suffix}";
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    public static string ToJson(IReadOnlyList<Diagnostic> diagnostics, Action<Utf8JsonWriter>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("diagnostics");
            foreach (var d in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("severity", SeverityName(d.Severity));
                json.WriteString("code", d.Code);
                json.WriteString("message", d.Message);
                json.WriteString("path", d.Path);
                if (d.Location is null)
                {
                    json.WriteNull("file");
                    json.WriteNull("line");
                    json.WriteNull("column");
                }
                else
                {
                    json.WriteString("file", d.Location.File);
                    json.WriteNumber("line", d.Location.Line);
                    json.WriteNumber("column", d.Location.Column);
                }

                if (d.Hint is null)
                {
                    json.WriteNull("hint");
                }
                else
                {
                    json.WriteString("hint", d.Hint);
                }

                if (d.Resource is not null)
                {
                    json.WriteString("resource", d.Resource);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            extra?.Invoke(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
