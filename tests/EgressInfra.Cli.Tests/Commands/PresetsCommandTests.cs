using System.Text.Json;
using EgressInfra.Core.Presets;

namespace EgressInfra.Cli.Tests.Commands;

public class PresetsCommandTests
{
    [Fact]
    public void Presets_ListsEveryPresetWithCategoryHostsPortsAndTheVersion()
    {
        var (exit, output, _) = CliRunner.Run("presets");

        Assert.Equal(0, exit);
        Assert.Contains($"preset catalog {PresetCatalog.Shipped.Version}", output, StringComparison.Ordinal);
        Assert.All(PresetCatalog.Shipped.Presets, p => Assert.Contains($"\n{p.Name} (", output, StringComparison.Ordinal));
        Assert.Contains("pypi (package-manager)", output, StringComparison.Ordinal);
        Assert.Contains("preset-pypi: pypi.org, files.pythonhosted.org on 443/TLS", output, StringComparison.Ordinal);
        Assert.Contains("140.82.112.0/20", output, StringComparison.Ordinal);
    }

    [Fact]
    public void PresetsJson_HasTheDocumentedShape()
    {
        var (exit, output, _) = CliRunner.Run("presets", "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(PresetCatalog.Shipped.Version, json.RootElement.GetProperty("version").GetString());
        var github = json.RootElement.GetProperty("presets").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "github-ssh");
        Assert.Equal("source-repository", github.GetProperty("category").GetString());
        var service = github.GetProperty("services")[0];
        Assert.Equal("preset-github-ssh", service.GetProperty("name").GetString());
        Assert.Equal(22, service.GetProperty("ports")[0].GetProperty("number").GetInt32());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", service.GetProperty("addressesVerifiedOn").GetString());
    }

    [Fact]
    public void Presets_HasHelp()
    {
        var (exit, output, _) = CliRunner.Run("presets", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("--format", output, StringComparison.Ordinal);
    }

    [Fact]
    public void PresetsWithABadFormat_ExitsTwo()
    {
        Assert.Equal(2, CliRunner.Run("presets", "--format", "xml").Exit);
    }
}
