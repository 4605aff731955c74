using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EgressInfra.Cli.Output;
using EgressInfra.Core.Config;
using EgressInfra.Core.Presets;

namespace EgressInfra.Cli.Commands;

/// <summary><c>egressctl presets</c>: the preset catalog a stack can list under <c>egress.presets</c>.</summary>
public static class PresetsCommand
{
    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format("presets", "Output format: text or json.", "text", "json");
        var command = new Command("presets", "List the preset catalog: each preset's name, category, hosts and ports, and the catalog version.");
        command.Add(format);
        command.SetAction(parse =>
        {
            var catalog = PresetCatalog.Shipped;
            context.Out.Write(parse.GetValue(format) == "json" ? ToJson(catalog) + "\n" : ToText(catalog));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static string ToText(PresetCatalog catalog)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"preset catalog {catalog.Version}: {catalog.Presets.Count} presets; list them by name under egress.presets\n");
        foreach (var preset in catalog.Presets)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{preset.Name} ({preset.Category.Name()}{(preset.NeedsRegion ? ", needs region" : string.Empty)})\n");
            text.Append(CultureInfo.InvariantCulture, $"  {preset.Description}\n");
            foreach (var service in preset.Services)
            {
                var ports = string.Join(", ", service.Ports.Select(p => $"{p.Number}/{p.Protocol.Name()}"));
                text.Append(CultureInfo.InvariantCulture, $"  {preset.ServiceName(service)}: {string.Join(", ", service.Hosts)} on {ports}, resolution {service.Resolution.Name()}\n");
                if (service.Addresses.Count > 0)
                {
                    var source = service.AddressesSource is null ? string.Empty : $" against {service.AddressesSource}";
                    text.Append(CultureInfo.InvariantCulture, $"    addresses {string.Join(", ", service.Addresses)} (verified{source} on {service.AddressesVerifiedOn:yyyy-MM-dd})\n");
                }
            }
        }

        return text.ToString();
    }

    public static string ToJson(PresetCatalog catalog)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("version", catalog.Version);
            json.WriteStartArray("presets");
            foreach (var preset in catalog.Presets)
            {
                json.WriteStartObject();
                json.WriteString("name", preset.Name);
                json.WriteString("category", preset.Category.Name());
                json.WriteString("description", preset.Description);
                json.WriteBoolean("needsRegion", preset.NeedsRegion);
                json.WriteStartArray("services");
                foreach (var service in preset.Services)
                {
                    WriteService(json, preset, service);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteService(Utf8JsonWriter json, Preset preset, PresetService service)
    {
        json.WriteStartObject();
        json.WriteString("name", preset.ServiceName(service));
        WriteStrings(json, "hosts", service.Hosts);
        json.WriteStartArray("ports");
        foreach (var port in service.Ports)
        {
            json.WriteStartObject();
            json.WriteNumber("number", port.Number);
            json.WriteString("protocol", port.Protocol.Name());
            json.WriteString("name", port.EffectiveName);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("resolution", service.Resolution.Name());
        WriteStrings(json, "addresses", service.Addresses);
        if (service.AddressesVerifiedOn is { } verified)
        {
            json.WriteString("addressesVerifiedOn", verified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("addressesSource", service.AddressesSource);
        }

        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
