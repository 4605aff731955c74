using System.Collections.Frozen;

namespace EgressInfra.Core.Presets;

/// <summary>What kind of destination a preset is; the first three fetch code or libraries.</summary>
public enum PresetCategory
{
    PackageManager,
    SourceRepository,
    ContainerRegistry,
    CloudApi,
    Saas,
}

public static class PresetCategories
{
    public static readonly FrozenDictionary<string, PresetCategory> Names = new Dictionary<string, PresetCategory>
    {
        ["package-manager"] = PresetCategory.PackageManager,
        ["source-repository"] = PresetCategory.SourceRepository,
        ["container-registry"] = PresetCategory.ContainerRegistry,
        ["cloud-api"] = PresetCategory.CloudApi,
        ["saas"] = PresetCategory.Saas,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string Name(this PresetCategory category) => category switch
    {
        PresetCategory.PackageManager => "package-manager",
        PresetCategory.SourceRepository => "source-repository",
        PresetCategory.ContainerRegistry => "container-registry",
        PresetCategory.CloudApi => "cloud-api",
        _ => "saas",
    };

    /// <summary>
    /// Categories whose destinations update libraries or fetch code: what production pods must not
    /// reach (the seed's own README calls dynamic library updates "not a best practice").
    /// </summary>
    public static bool FetchesCode(this PresetCategory category) =>
        category is PresetCategory.PackageManager or PresetCategory.SourceRepository or PresetCategory.ContainerRegistry;
}
