using System.Net;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Probe;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation;

namespace EgressInfra.Core.Config.Binding;

public static partial class StackConfigBinder
{
    public static readonly IReadOnlyList<string> ProbeKeys =
        ["enabled", "image", "deniedHost", "spoofAddress", "timeoutSeconds", "ttlSecondsAfterFinished"];

    /// <summary>
    /// Binds <c>probe</c>. Giving the mapping turns the probe on (<c>enabled: false</c> keeps the settings
    /// but runs nothing); leaving it out, or null, means no probe.
    /// </summary>
    private static ProbeConfig BindProbe(NodeReader reader, ConfigNode? node, EgressConfig? egress)
    {
        const string path = "probe";
        var map = reader.Mapping(node, path);
        if (map is null)
        {
            return ProbeConfig.Disabled;
        }

        reader.KnownKeys(map, path, ProbeKeys);
        var defaults = ProbeConfig.Defaults;
        var enabled = reader.Boolean(map["enabled"], "probe.enabled") ?? true;
        var image = OptionalText(reader, map, "image") ?? defaults.Image;
        var deniedHost = OptionalText(reader, map, "deniedHost") ?? defaults.DeniedHost;
        var spoofAddress = OptionalText(reader, map, "spoofAddress") ?? defaults.SpoofAddress;
        var timeout = reader.Integer(map["timeoutSeconds"], "probe.timeoutSeconds", required: false, 2, 60) ?? defaults.TimeoutSeconds;
        var ttl = reader.Integer(map["ttlSecondsAfterFinished"], "probe.ttlSecondsAfterFinished", required: false, 0, 2_592_000) ?? defaults.TtlSecondsAfterFinished;

        if (enabled && !image.Contains("@sha256:", StringComparison.Ordinal))
        {
            reader.Report(DeliveryCodes.ProbeImageNotPinned.Create("probe.image", $"The probe image '{image}' is not pinned by digest."));
        }

        CheckDeniedHost(reader, map["deniedHost"], deniedHost, egress);
        CheckSpoofAddress(reader, map["spoofAddress"], spoofAddress, egress);
        return new ProbeConfig(enabled, image, deniedHost, spoofAddress, (int)timeout, (int)ttl);
    }

    /// <summary>A text setting that may be left out (default) but not given empty.</summary>
    private static string? OptionalText(NodeReader reader, MappingNode map, string key) =>
        map[key] is null ? null : reader.String(map[key], $"probe.{key}", required: true);

    private static void CheckDeniedHost(NodeReader reader, ConfigNode? node, string host, EgressConfig? egress)
    {
        const string path = "probe.deniedHost";
        if (!KubernetesNames.IsDns1123Subdomain(host))
        {
            reader.Report(ConfigCodes.InvalidValue.Create(path, $"'{host}' is not a host name", "Use a lower-case DNS name that resolves, such as example.com."));
            return;
        }

        // A declared host would be reached, and the "undeclared host" check would report a surprise every time.
        var declaredBy = egress?.Services.FirstOrDefault(s => s.Hosts.Any(h => HostMatches(h, host)));
        if (declaredBy is not null)
        {
            reader.Report(ConfigCodes.InvalidValue.Create(path, $"'{host}' is declared by {declaredBy.SourcePath} ({declaredBy.Name}), so the probe cannot expect it to be denied", "Pick a host no service declares."));
        }
    }

    private static void CheckSpoofAddress(NodeReader reader, ConfigNode? node, string address, EgressConfig? egress)
    {
        const string path = "probe.spoofAddress";
        if (!IPAddress.TryParse(address, out var ip))
        {
            reader.Report(ConfigCodes.InvalidValue.Create(path, $"'{address}' is not an IP address", $"Use an address nothing answers on, such as {ProbeConfig.DefaultSpoofAddress} (TEST-NET-1)."));
            return;
        }

        var declaredBy = egress?.Services.FirstOrDefault(s => s.Addresses.Any(a => AddressCovers(a, ip)));
        if (declaredBy is not null)
        {
            reader.Report(ConfigCodes.InvalidValue.Create(path, $"'{address}' lies in an address declared by {declaredBy.SourcePath} ({declaredBy.Name})", "Pick an address no service declares."));
        }
    }

    /// <summary>Istio host matching: exact, or a <c>*.</c> wildcard that covers any deeper name.</summary>
    private static bool HostMatches(string declared, string host) =>
        declared == "*"
        || string.Equals(declared, host, StringComparison.OrdinalIgnoreCase)
        || (declared.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(declared[1..], StringComparison.OrdinalIgnoreCase));

    private static bool AddressCovers(string declared, IPAddress ip) =>
        declared.Contains('/', StringComparison.Ordinal)
            ? IPNetwork.TryParse(declared, out var network) && network.Contains(ip)
            : IPAddress.TryParse(declared, out var single) && single.Equals(ip);
}
