using System.Globalization;
using System.Text.Json;

namespace EgressInfra.Core.Learn;

/// <summary>
/// Reads one line of an Envoy access log as Istio configures it: its default TEXT format
/// (<c>EnvoyTextLogFormat</c> in istio/istio pilot/pkg/model/telemetry_logging.go, 22 fields) or its
/// JSON encoding (<c>EnvoyJSONLogFormatIstio</c>, one object per line). Envoy writes "-" for an empty
/// field in text and null in JSON; both become null here.
/// </summary>
public static class AccessLogParser
{
    /// <summary>Fields of the default text format, in order, from <c>[%START_TIME%]</c> to <c>%ROUTE_NAME%</c>.</summary>
    public const int TextFieldCount = 22;

    private const int Request = 1;
    private const int Authority = 14;
    private const int Cluster = 16;
    private const int DownstreamLocal = 18;
    private const int ServerName = 20;

    public static AccessLogEntry? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var trimmed = line.Trim();
        if (trimmed.StartsWith('{'))
        {
            return ParseJson(trimmed);
        }

        return trimmed.StartsWith('[') ? ParseText(trimmed) : null;
    }

    private static AccessLogEntry? ParseText(string line)
    {
        var fields = Split(line);
        if (fields is null || fields.Count != TextFieldCount)
        {
            return null;
        }

        var request = fields[Request].Split(' ');
        if (request.Length != 3 || !IsAddress(fields[DownstreamLocal]))
        {
            return null;
        }

        return new AccessLogEntry(
            Time(fields[0]),
            Value(fields[Cluster]),
            Value(fields[Authority]),
            Value(fields[ServerName]),
            Value(fields[DownstreamLocal]),
            Value(request[2]));
    }

    /// <summary>Splits on spaces, keeping <c>[...]</c> and <c>"..."</c> whole (without their brackets or quotes); null when a quote is not closed.</summary>
    private static List<string>? Split(string line)
    {
        var fields = new List<string>();
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] == ' ')
            {
                i++;
                continue;
            }

            // Only START_TIME is bracketed; later fields may start with '[' ([2001:db8::1]:443).
            var (close, skip) = line[i] switch { '[' when fields.Count == 0 => (']', 1), '"' => ('"', 1), _ => (' ', 0) };
            var start = i + skip;
            var end = close == ' ' ? line.IndexOf(' ', start) : line.IndexOf(close + " ", start, StringComparison.Ordinal);
            if (end < 0)
            {
                end = line.Length;
                if (close != ' ' && (line.Length == start || line[^1] != close))
                {
                    return null;
                }

                fields.Add(line[start..(close == ' ' ? end : end - 1)]);
                break;
            }

            fields.Add(line[start..end]);
            i = end + (close == ' ' ? 0 : 1);
        }

        return fields;
    }

    private static AccessLogEntry? ParseJson(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 8 });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var root = doc.RootElement;
            var destination = Field(root, "downstream_local_address");
            if (destination is null || !IsAddress(destination))
            {
                return null;
            }

            return new AccessLogEntry(
                Field(root, "start_time") is { } t ? Time(t) : null,
                Field(root, "upstream_cluster"),
                Field(root, "authority"),
                Field(root, "requested_server_name"),
                destination,
                Field(root, "protocol"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Field(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => Value(value.GetString()!),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static string? Value(string text) => text is "-" or "" ? null : text;

    private static DateTimeOffset? Time(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;

    /// <summary><c>ip:port</c> or <c>[ipv6]:port</c>.</summary>
    public static bool IsAddress(string text) => Endpoint.TryParse(text, out _, out _);
}
