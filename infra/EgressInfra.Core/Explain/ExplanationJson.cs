using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EgressInfra.Core.Changes;
using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Explain;

/// <summary>Writes an <see cref="Explanation"/> for tools, with the same facts as the text form.</summary>
public static class ExplanationJson
{
    public static string Write(Explanation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteStartObject("query");
            json.WriteString("namespace", e.Query.Namespace);
            json.WriteString("host", e.Query.Host);
            json.WriteNumber("port", e.Query.Port);
            json.WriteString("protocol", e.Protocol.Name());
            json.WriteString("protocolSource", e.ProtocolSource);
            json.WriteEndObject();
            json.WriteBoolean("allowed", e.Allowed);
            json.WriteString("outcome", JsonNamingPolicy.CamelCase.ConvertName(e.Outcome.ToString()));
            json.WriteString("reason", e.Reason);
            json.WriteString("profile", e.Profile);
            json.WriteString("outboundTrafficPolicy", e.OutboundPolicy.Name());
            NullableString(json, "posture", e.Posture);
            json.WriteString("mode", e.Mode);
            if (e.Waypoint is not null)
            {
                json.WriteString("waypoint", e.Waypoint);
            }

            WriteMatch(json, e.Match);
            Strings(json, "via", e.Via);
            WriteSymptom(json, e.Symptom);
            Strings(json, "notes", e.Notes);
            WriteChange(json, e.Change);
            WriteAcceptance(json, e.Acceptance);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteMatch(Utf8JsonWriter json, EntryMatch? m)
    {
        if (m is null)
        {
            json.WriteNull("match");
            return;
        }

        json.WriteStartObject("match");
        json.WriteString("service", m.Service);
        json.WriteString("configPath", m.ConfigPath);
        json.WriteString("resource", m.Resource);
        json.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(m.Kind.ToString()));
        json.WriteString("declared", m.Declared);
        if (m.Port is null)
        {
            json.WriteNull("port");
        }
        else
        {
            json.WriteStartObject("port");
            json.WriteNumber("number", m.Port.Number);
            json.WriteString("protocol", m.Port.Protocol.Name());
            json.WriteString("name", m.Port.EffectiveName);
            json.WriteEndObject();
        }

        NullableString(json, "portPath", m.PortPath);
        json.WriteString("resolution", m.Resolution.Name());
        NullableString(json, "import", m.Import);
        json.WriteEndObject();
    }

    private static void WriteSymptom(Utf8JsonWriter json, Symptom? s)
    {
        if (s is null)
        {
            json.WriteNull("symptom");
            return;
        }

        json.WriteStartObject("symptom");
        json.WriteString("observed", s.Observed);
        NullableString(json, "proxyLog", s.ProxyLog);
        Strings(json, "failureModes", s.FailureModes);
        json.WriteEndObject();
    }

    private static void WriteChange(Utf8JsonWriter json, SuggestedChange? change)
    {
        if (change is null)
        {
            json.WriteNull("change");
            return;
        }

        json.WriteStartObject("change");
        json.WriteString("summary", change.Summary);
        json.WriteStartArray("edits");
        foreach (var edit in change.Edits)
        {
            json.WriteStartObject();
            json.WriteString("path", edit.Path);
            if (edit.File is not null)
            {
                json.WriteString("file", edit.File);
            }

            json.WriteString("description", edit.Description);
            json.WriteString("yaml", ChangeSnippets.Yaml(edit));
            Strings(json, "commands", ChangeSnippets.PulumiCommands(edit));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("placeholders");
        foreach (var placeholder in change.Placeholders)
        {
            json.WriteStartObject();
            json.WriteString("path", placeholder.Path);
            json.WriteString("value", placeholder.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Strings(json, "notes", change.Notes);
        json.WriteEndObject();
    }

    private static void WriteAcceptance(Utf8JsonWriter json, ChangeAcceptance? acceptance)
    {
        if (acceptance is null)
        {
            json.WriteNull("acceptance");
            return;
        }

        json.WriteStartObject("acceptance");
        json.WriteString("profile", acceptance.Profile);
        json.WriteBoolean("accepted", acceptance.Accepted);
        json.WriteBoolean("verified", acceptance.Verified);
        Diagnostics(json, "errors", acceptance.Errors);
        Diagnostics(json, "newWarnings", acceptance.NewWarnings);
        json.WriteEndObject();
    }

    private static void Diagnostics(Utf8JsonWriter json, string name, IReadOnlyList<Diagnostic> diagnostics)
    {
        json.WriteStartArray(name);
        foreach (var d in diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("code", d.Code);
            json.WriteString("path", d.Path);
            json.WriteString("message", d.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void NullableString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
