using EgressInfra.Core.Config;
using EgressInfra.Core.Profiles;
using EgressInfra.Core.Profiles.Rules;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Profiles;

/// <summary>The README's table of rules says what profiles.yaml says, so the two cannot drift apart.</summary>
public class ReadmePolicyTableTests
{
    [Fact]
    public void ReadmeTable_HasEveryRuleWithItsLevels()
    {
        var rows = RepoPaths.ReadText("README.md").Split('\n')
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Trim('|', ' ').Split(" | "))
            .ToDictionary(cells => cells[0].Trim('`'), cells => cells);
        var catalog = ProfileCatalog.Shipped;
        var restrictive = catalog.Find("restrictive")!;
        var permissive = catalog.Find("permissive")!;
        var floor = catalog.FloorFor(DeploymentEnvironment.Prod)!;

        Assert.All(ProfileRules.All, rule =>
        {
            Assert.True(rows.TryGetValue(rule.Id, out var cells), $"README has no row for {rule.Id}");
            var floorLevel = floor.Level(rule.Id) == EnforcementLevel.Mandatory ? "mandatory" : "none";
            Assert.Equal(
                [rule.Descriptor.Code, restrictive.Level(rule.Id).Name(), permissive.Level(rule.Id).Name(), floorLevel],
                [cells[1], cells[3], cells[4], cells[5]]);
        });
    }
}
