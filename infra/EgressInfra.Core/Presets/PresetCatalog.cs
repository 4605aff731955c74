using System.Globalization;
using EgressInfra.Core.Collections;
using EgressInfra.Core.Config;
using EgressInfra.Core.Config.Binding;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation;

namespace EgressInfra.Core.Presets;

/// <summary>
/// The versioned catalog of well-known destinations (<c>Presets/catalog.yaml</c>), and the list of
/// domains that fetch code or libraries when written by hand.
/// </summary>
/// <remarks>
/// catalog.yaml is the source; the build ships it compiled (<c>PresetCatalog.Shipped.cs</c>, generated
/// from the YAML by <see cref="Parse"/> and a Core test that fails when the two differ), because
/// parsing it on every run was a sixth of egressctl's start-up.
/// </remarks>
public sealed partial class PresetCatalog
{
    private static readonly Lazy<PresetCatalog> ShippedCatalog = new(Compiled);

    private static readonly string[] RootKeys = ["version", "presets", "packageSourceDomains"];
    private static readonly string[] PresetKeys = ["name", "category", "description", "services"];
    private static readonly string[] ServiceKeys = ["suffix", "hosts", "addresses", "addressesVerifiedOn", "addressesSource", "resolution", "ports"];
    private static readonly string[] PortKeys = ["number", "protocol", "name"];

    private PresetCatalog(string version, ValueList<Preset> presets, ValueList<string> packageSourceDomains)
    {
        Version = version;
        Presets = presets;
        PackageSourceDomains = packageSourceDomains;
    }

    /// <summary>The catalog built into this version of EgressInfra.</summary>
    public static PresetCatalog Shipped => ShippedCatalog.Value;

    /// <summary>The catalog's version, <c>2026.11</c>; bumped with every change of a host, port or address.</summary>
    public string Version { get; }

    public ValueList<Preset> Presets { get; }

    /// <summary>Domains that, with every name under them, serve packages, images or source code.</summary>
    public ValueList<string> PackageSourceDomains { get; }

    public Preset? Find(string name) => Presets.FirstOrDefault(p => p.Name == name);

    /// <summary>
    /// The package-source domain or code-fetching preset host that <paramref name="host"/> can reach, or
    /// null. Any spelling counts: case, a trailing dot, and every wildcard form as Istio matches it (a
    /// leading <c>*</c> is a suffix match, so <c>*github.com</c>, <c>*hub.com</c> and <c>*</c> all
    /// reach github.com).
    /// </summary>
    public string? PackageSourceFor(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = host.Trim().TrimEnd('.').ToLowerInvariant();
        var wildcard = name.StartsWith('*');
        var suffix = wildcard ? name.AsSpan(1) : name.AsSpan();
        foreach (var domain in CodeDomains)
        {
            if (wildcard
                ? IsSuffixOfDotted(suffix, domain) || EndsWithDotted(suffix, domain)
                : name == domain || EndsWithDotted(name, domain))
            {
                return domain;
            }
        }

        return null;
    }

    /// <summary>The package-source domains, then the hosts of the code-fetching presets, lower-cased once rather than per host asked about.</summary>
    private string[] CodeDomains => _codeDomains ??= LowerCasedCodeDomains();

    private string[]? _codeDomains;

    /// <remarks>Loops, not LINQ: see EgressManifests.Sorted on LINQ's generic virtual calls at start-up.</remarks>
    private string[] LowerCasedCodeDomains()
    {
        var domains = new List<string>(PackageSourceDomains.Count);
        foreach (var domain in PackageSourceDomains)
        {
            domains.Add(domain.ToLowerInvariant());
        }

        foreach (var preset in Presets)
        {
            if (!preset.Category.FetchesCode())
            {
                continue;
            }

            foreach (var service in preset.Services)
            {
                foreach (var host in service.Hosts)
                {
                    domains.Add(host.TrimEnd('.').ToLowerInvariant());
                }
            }
        }

        return [.. domains];
    }

    /// <summary><c>text.EndsWith("." + domain)</c>, without making the dotted string.</summary>
    private static bool EndsWithDotted(ReadOnlySpan<char> text, string domain) =>
        text.Length > domain.Length && text[text.Length - domain.Length - 1] == '.' && text.EndsWith(domain, StringComparison.Ordinal);

    /// <summary><c>("." + domain).EndsWith(text)</c>, without making the dotted string.</summary>
    private static bool IsSuffixOfDotted(ReadOnlySpan<char> text, string domain) =>
        text.Length <= domain.Length
            ? domain.AsSpan().EndsWith(text, StringComparison.Ordinal)
            : text.Length == domain.Length + 1 && text[0] == '.' && text[1..].SequenceEqual(domain);

    public static PresetCatalog Parse(string text, string file)
    {
        var root = EmbeddedData.ReadMapping(text, file);
        var reader = new NodeReader();
        reader.KnownKeys(root, string.Empty, RootKeys);
        var version = reader.String(root["version"], "version", required: true) ?? string.Empty;

        var presets = new List<Preset>();
        foreach (var (item, path) in reader.List(root["presets"], "presets", required: true))
        {
            if (ReadPreset(reader, item, path) is { } preset)
            {
                if (presets.Any(p => p.Name == preset.Name))
                {
                    reader.Report(ConfigCodes.DuplicateName.Create($"{path}.name", $"the preset '{preset.Name}' is defined twice"));
                }

                presets.Add(preset);
            }
        }

        var domains = reader.Strings(root["packageSourceDomains"], "packageSourceDomains").Select(d => d.Value.ToLowerInvariant()).ToValueList();
        EmbeddedData.ThrowIfInvalid(reader, file);
        return new PresetCatalog(version, presets.ToValueList(), domains);
    }

    private static Preset? ReadPreset(NodeReader reader, ConfigNode node, string path)
    {
        var map = reader.Mapping(node, path, required: true);
        if (map is null)
        {
            return null;
        }

        reader.KnownKeys(map, path, PresetKeys);
        var name = reader.String(map["name"], $"{path}.name", required: true);
        if (name is not null && !KubernetesNames.IsDns1123Label($"preset-{name}"))
        {
            reader.Report(ConfigCodes.InvalidName.Create($"{path}.name", $"'{name}' does not make a valid service name"));
        }

        var category = reader.Enum(map["category"], $"{path}.category", PresetCategories.Names, required: true);
        var description = reader.String(map["description"], $"{path}.description", required: true);
        var services = new List<PresetService>();
        foreach (var (item, itemPath) in reader.List(map["services"], $"{path}.services", required: true))
        {
            if (ReadService(reader, item, itemPath) is { } service)
            {
                services.Add(service);
            }
        }

        if (services.Select(s => s.Suffix).Distinct().Count() != services.Count)
        {
            reader.Report(ConfigCodes.DuplicateName.Create($"{path}.services", $"the services of preset '{name}' need distinct suffixes"));
        }

        return name is null || category is null || description is null
            ? null
            : new Preset(name, category.Value, description, services.ToValueList());
    }

    private static PresetService? ReadService(NodeReader reader, ConfigNode node, string path)
    {
        var map = reader.Mapping(node, path, required: true);
        if (map is null)
        {
            return null;
        }

        reader.KnownKeys(map, path, ServiceKeys);
        var suffix = reader.String(map["suffix"], $"{path}.suffix");
        var hosts = reader.Strings(map["hosts"], $"{path}.hosts", required: true).Select(h => h.Value).ToValueList();
        var addresses = reader.Strings(map["addresses"], $"{path}.addresses").Select(a => a.Value).ToValueList();
        DateOnly? verifiedOn = null;
        if (reader.String(map["addressesVerifiedOn"], $"{path}.addressesVerifiedOn") is { } text)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                verifiedOn = date;
            }
            else
            {
                reader.Report(ConfigCodes.InvalidValue.Create($"{path}.addressesVerifiedOn", $"'{text}' is not a date (YYYY-MM-DD)"));
            }
        }

        if (addresses.Count > 0 && verifiedOn is null)
        {
            reader.Report(ConfigCodes.MissingValue.Create($"{path}.addressesVerifiedOn", "addresses need the date they were verified"));
        }

        var source = reader.String(map["addressesSource"], $"{path}.addressesSource");
        var resolution = reader.Enum(map["resolution"], $"{path}.resolution", IstioNames.Resolutions)
            ?? StackConfigBinder.DefaultResolution(hosts, addresses, []);
        var ports = new List<ServicePortConfig>();
        foreach (var (item, itemPath) in reader.List(map["ports"], $"{path}.ports", required: true))
        {
            if (reader.Mapping(item, itemPath, required: true) is not { } portMap)
            {
                continue;
            }

            reader.KnownKeys(portMap, itemPath, PortKeys);
            var number = reader.Integer(portMap["number"], $"{itemPath}.number", required: true, 1, 65535);
            var protocol = reader.Enum(portMap["protocol"], $"{itemPath}.protocol", IstioNames.Protocols, required: true);
            var name = reader.String(portMap["name"], $"{itemPath}.name");
            if (number is not null && protocol is not null)
            {
                ports.Add(new ServicePortConfig((int)number, protocol.Value, name));
            }
        }

        return new PresetService(suffix, hosts, addresses, ports.ToValueList(), resolution, verifiedOn, source);
    }
}
