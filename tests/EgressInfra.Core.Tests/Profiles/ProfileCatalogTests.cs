using EgressInfra.Core.Config;
using EgressInfra.Core.Config.Binding;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Profiles;
using EgressInfra.Core.Profiles.Rules;

namespace EgressInfra.Core.Tests.Profiles;

/// <summary>The shipped profile data agrees with the rule classes and with the issue's table.</summary>
public class ProfileCatalogTests
{
    private static readonly ProfileCatalog Catalog = ProfileCatalog.Shipped;

    [Fact]
    public void ShippedProfiles_AreRestrictiveAndPermissive()
    {
        Assert.Equal(["restrictive", "permissive"], Catalog.Profiles.Select(p => p.Name));
    }

    // Data and code must name the same rules: a rule without a level would never run.
    [Fact]
    public void EveryProfile_HasALevelForExactlyTheRulesInCode()
    {
        var ids = ProfileRules.All.Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        Assert.All(Catalog.Profiles, p => Assert.Equal(ids, p.Levels.Keys.ToList()));
    }

    [Fact]
    public void RuleIdsAndCodes_AreUniqueAndCatalogued()
    {
        Assert.Equal(ProfileRules.All.Count, ProfileRules.All.Select(r => r.Id).Distinct().Count());
        Assert.Equal(ProfileRules.All.Count, ProfileRules.All.Select(r => r.Descriptor.Code).Distinct().Count());
        Assert.All(ProfileRules.All, r => Assert.Contains(r.Descriptor, PolicyCodes.All));
    }

    [Fact]
    public void PolicyCodes_AreInTheirRangeAndInTheDiagnosticCatalog()
    {
        Assert.All(PolicyCodes.All, d =>
        {
            Assert.Matches("^EGR3[0-9]{2}$", d.Code);
            Assert.Same(d, DiagnosticCatalog.Find(d.Code));
        });
        Assert.Equal(DiagnosticCatalog.All.Count, DiagnosticCatalog.All.Select(d => d.Code).Distinct().Count());
    }

    [Theory]
    [InlineData("registry-only")]
    [InlineData("no-package-sources")]
    [InlineData("no-wildcard-hosts")]
    [InlineData("no-catch-all-addresses")]
    [InlineData("address-prefix-limit")]
    [InlineData("no-cleartext-http")]
    [InlineData("no-resolution-none-on-http")]
    [InlineData("export-to-users-only")]
    [InlineData("owner-and-reason")]
    public void Restrictive_MakesTheIssuesRulesMandatory_PermissiveAdvisory(string rule)
    {
        Assert.Equal(EnforcementLevel.Mandatory, Catalog.Find("restrictive")!.Level(rule));
        Assert.Equal(EnforcementLevel.Advisory, Catalog.Find("permissive")!.Level(rule));
    }

    [Fact]
    public void RestrictiveParameters_AreTheDocumentedDefaults()
    {
        Assert.Equal(new ProfileParameters(24, 64, 90) { MaxWaiverDays = 90 }, Catalog.Find("restrictive")!.Parameters);
        Assert.Null(Catalog.Find("permissive")!.Parameters.MaxWaiverDays);
    }

    [Theory]
    [InlineData(DeploymentEnvironment.Prod, "restrictive")]
    [InlineData(DeploymentEnvironment.Staging, "restrictive")]
    [InlineData(DeploymentEnvironment.Dev, null)]
    public void Floors_AreRestrictiveForProdAndStaging(DeploymentEnvironment environment, string? floor)
    {
        Assert.Equal(floor, Catalog.FloorFor(environment)?.Name);
    }

    // A stack without a profile gets its environment's default; that default must meet the floor.
    [Theory]
    [InlineData(DeploymentEnvironment.Prod)]
    [InlineData(DeploymentEnvironment.Staging)]
    [InlineData(DeploymentEnvironment.Dev)]
    public void DefaultProfile_MeetsTheFloor(DeploymentEnvironment environment)
    {
        var profile = Catalog.Find(StackConfigBinder.DefaultProfile(environment));

        Assert.NotNull(profile);
        if (Catalog.FloorFor(environment) is { } floor)
        {
            Assert.Empty(profile.ShortfallsAgainst(floor));
        }
    }

    [Fact]
    public void Permissive_FallsShortOfRestrictive()
    {
        var shortfalls = Catalog.Find("permissive")!.ShortfallsAgainst(Catalog.Find("restrictive")!);

        Assert.Contains("no-wildcard-hosts is advisory", shortfalls);
    }

    [Fact]
    public void InvalidProfileData_Throws()
    {
        const string text = """
            version: 1
            profiles:
              strict:
                description: x
                parameters: { maxIpv4Prefix: 24, maxIpv6Prefix: 64, presetAddressMaxAgeDays: 90 }
                rules: { registry-only: required }
            """;

        var ex = Assert.Throws<InvalidDataException>(() => ProfileCatalog.Parse(text, "profiles.yaml"));
        Assert.Contains("profiles.strict.rules.registry-only", ex.Message, StringComparison.Ordinal);
    }
}
