using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Cli.Output;

/// <summary>
/// Findings as a SARIF 2.1.0 log in the shape GitHub code scanning accepts: one run, the diagnostic
/// catalog as the tool's rules, one result per finding. Written with <see cref="Utf8JsonWriter"/> in a
/// fixed order and with no timestamps, so the same findings give the same bytes.
/// </summary>
public static class SarifLog
{
    public const string Version = "2.1.0";

    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    public const string ToolName = "egressctl";

    /// <param name="fallbackFile">
    /// The file a finding without a location is about (check's stack file), so that every result can
    /// point at an artifact; null leaves such results without locations, which SARIF allows.
    /// </param>
    public static string ToJson(IReadOnlyList<Diagnostic> diagnostics, string? fallbackFile = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var rules = DiagnosticCatalog.All;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", Schema);
            json.WriteString("version", Version);
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", ToolName);
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                WriteRule(json, rule);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (var d in diagnostics)
            {
                WriteResult(json, d, rules, fallbackFile);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>
    /// An artifact URI: a relative path with forward slashes and each segment percent-encoded, which
    /// code scanning resolves against the repository root; an absolute path becomes a file: URI.
    /// </summary>
    public static string ArtifactUri(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var slashed = path.Replace('\\', '/');
        var rooted = Path.IsPathRooted(path) || slashed.StartsWith('/');
        while (slashed.StartsWith("./", StringComparison.Ordinal))
        {
            slashed = slashed[2..];
        }

        var segments = slashed.Split('/');
        var escaped = string.Join('/', segments.Select((s, i) => rooted && i == 0 && s.EndsWith(':') ? s : Uri.EscapeDataString(s)));
        if (!rooted)
        {
            return escaped;
        }

        return escaped.StartsWith('/') ? $"file://{escaped}" : $"file:///{escaped}";
    }

    private static void WriteRule(Utf8JsonWriter json, DiagnosticDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Code);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", rule.IstioCounterpart is null ? rule.Title : $"{rule.Title} Counterpart in Istio or Kubernetes: {rule.IstioCounterpart}.");
        json.WriteEndObject();
        json.WriteStartObject("help");
        json.WriteString("text", rule.Fix);
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Diagnostic d, IReadOnlyList<DiagnosticDescriptor> rules, string? fallbackFile)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", d.Code);
        var index = IndexOf(rules, d.Code);
        if (index >= 0)
        {
            json.WriteNumber("ruleIndex", index);
        }

        json.WriteString("level", Level(d.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", MessageText(d));
        json.WriteEndObject();

        var file = d.Location?.File ?? fallbackFile;
        if (file is not null)
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", ArtifactUri(file));
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", Math.Max(1, d.Location?.Line ?? 1));
            json.WriteNumber("startColumn", Math.Max(1, d.Location?.Column ?? 1));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static string MessageText(Diagnostic d)
    {
        var text = new StringBuilder(d.Message);
        var at = d.Path;
        if (d.Resource is not null)
        {
            at = at.Length == 0 ? d.Resource : $"{at} in {d.Resource}";
        }

        if (at.Length > 0)
        {
            text.Append(" (").Append(at).Append(')');
        }

        if (d.Hint is not null)
        {
            text.Append(". Fix: ").Append(d.Hint);
        }

        return text.ToString();
    }

    private static int IndexOf(IReadOnlyList<DiagnosticDescriptor> rules, string code)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].Code == code)
            {
                return i;
            }
        }

        return -1;
    }
}
