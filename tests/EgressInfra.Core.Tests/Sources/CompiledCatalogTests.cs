using EgressInfra.Core.Presets;
using EgressInfra.Core.Profiles;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Sources;

/// <summary>
/// catalog.yaml and profiles.yaml are the source of the shipped presets and profiles; egressctl and
/// the Pulumi program use them compiled, so that no run parses YAML it did not ask for. These tests
/// parse each file with the validating parser and hold the compiled form equal to it, as objects and
/// as code. Regenerate with <c>EGRESS_UPDATE_CATALOG=1 dotnet test --filter CompiledCatalog</c>.
/// </summary>
public class CompiledCatalogTests
{
    private static readonly string[] PresetsFile = ["infra", "EgressInfra.Core", "Presets", "catalog.yaml"];
    private static readonly string[] ProfilesFile = ["infra", "EgressInfra.Core", "Profiles", "profiles.yaml"];

    private static PresetCatalog ParsedPresets() => PresetCatalog.Parse(RepoPaths.ReadText(PresetsFile), "catalog.yaml");

    private static ProfileCatalog ParsedProfiles() => ProfileCatalog.Parse(RepoPaths.ReadText(ProfilesFile), "profiles.yaml");

    [Fact]
    public void CompiledCatalog_PresetCodeIsGeneratedFromTheYaml()
    {
        AssertCurrent(CompiledCatalogCode.For(ParsedPresets()), "infra", "EgressInfra.Core", "Presets", "PresetCatalog.Shipped.cs");
    }

    [Fact]
    public void CompiledCatalog_ProfileCodeIsGeneratedFromTheYaml()
    {
        var parsed = ParsedProfiles();
        AssertCurrent(CompiledCatalogCode.For(parsed, parsed.Floors), "infra", "EgressInfra.Core", "Profiles", "ProfileCatalog.Shipped.cs");
    }

    [Fact]
    public void CompiledCatalog_ShippedPresetsEqualTheParsedYaml()
    {
        var parsed = ParsedPresets();
        var shipped = PresetCatalog.Shipped;

        Assert.Equal(parsed.Version, shipped.Version);
        Assert.Equal(parsed.Presets, shipped.Presets);
        Assert.Equal(parsed.PackageSourceDomains, shipped.PackageSourceDomains);
        Assert.NotEmpty(shipped.Presets);
    }

    [Fact]
    public void CompiledCatalog_ShippedProfilesEqualTheParsedYaml()
    {
        var parsed = ParsedProfiles();
        var shipped = ProfileCatalog.Shipped;

        Assert.Equal(parsed.Profiles, shipped.Profiles);
        Assert.Equal(parsed.Floors, shipped.Floors);
        Assert.NotEmpty(shipped.Profiles);
        Assert.NotEmpty(shipped.Floors);
    }

    private static void AssertCurrent(string expected, params string[] path)
    {
        var file = RepoPaths.File(path);
        if (Environment.GetEnvironmentVariable("EGRESS_UPDATE_CATALOG") == "1")
        {
            File.WriteAllText(file, expected);
            return;
        }

        var current = File.Exists(file) ? File.ReadAllText(file) : string.Empty;
        Assert.True(expected == current, $"{Path.GetFileName(file)} is out of date with its YAML: run EGRESS_UPDATE_CATALOG=1 dotnet test --filter CompiledCatalog");
    }
}
