using EgressInfra.Core.Collections;
using EgressInfra.Core.Config;

namespace EgressInfra.Core.Presets;

/// <summary>One catalog entry: a well-known destination and the services it expands to.</summary>
public sealed record Preset(string Name, PresetCategory Category, string Description, ValueList<PresetService> Services)
{
    public const string RegionPlaceholder = "{region}";

    /// <summary>True when a host holds <c>{region}</c>: a stack listing the preset must give <c>region</c>.</summary>
    public bool NeedsRegion => Services.Any(s => s.Hosts.Any(h => h.Contains(RegionPlaceholder, StringComparison.Ordinal)));

    /// <summary>The name of the service a preset service expands to: <c>preset-apt-debian</c>, or <c>preset-pypi</c> when it has no suffix.</summary>
    public string ServiceName(PresetService service) =>
        service.Suffix is null ? $"preset-{Name}" : $"preset-{Name}-{service.Suffix}";
}

/// <summary>One service of a preset; it becomes one ServiceEntry per namespace that uses the preset.</summary>
/// <param name="Suffix">Appended to the preset name when a preset has several services.</param>
/// <param name="AddressesVerifiedOn">When <paramref name="Addresses"/> were last compared with <paramref name="AddressesSource"/>.</param>
public sealed record PresetService(
    string? Suffix,
    ValueList<string> Hosts,
    ValueList<string> Addresses,
    ValueList<ServicePortConfig> Ports,
    ServiceResolution Resolution,
    DateOnly? AddressesVerifiedOn,
    string? AddressesSource);
