using EgressInfra.Core.Diagnostics;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Profiles;

/// <summary>The "done when": the shipped stacks pass their profiles.</summary>
public class ShippedStackPolicyTests
{
    private static string Stack(string name) => RepoPaths.ReadText($"Pulumi.{name}.yaml");

    [Fact]
    public void Prod_PassesRestrictiveWithoutAWarning()
    {
        var plan = PolicyStack.Evaluate(Stack("prod"));

        Assert.Equal("restrictive", plan.Config!.Profile);
        PolicyAssert.Clean(plan);
        Assert.All(plan.Config.Egress.Services, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Owner));
            Assert.False(string.IsNullOrWhiteSpace(s.Reason));
        });
    }

    [Fact]
    public void Dev_PassesPermissiveUsingPresetsForAptPypiAndGitHub()
    {
        var plan = PolicyStack.Evaluate(Stack("dev"));

        Assert.Equal("permissive", plan.Config!.Profile);
        Assert.False(plan.HasErrors, plan.Dump());
        Assert.NotNull(plan.Manifests);
        Assert.Equal(["apt", "pypi", "github", "github-ssh"], plan.Config.Egress.Presets.Select(p => p.Name));
        Assert.All(plan.Config.Egress.Services, s => Assert.NotNull(s.Preset));
        Assert.All(plan.Manifests.ServiceEntries, e => Assert.Equal("sandbox", e.Metadata.Namespace));
    }

    // Permissive lets the package presets through, each with its warning.
    [Fact]
    public void Dev_WarnsAboutEachCodeFetchingPreset()
    {
        var plan = PolicyStack.Evaluate(Stack("dev"));

        Assert.Equal(
            ["egress.presets[0]", "egress.presets[1]", "egress.presets[2]", "egress.presets[3]"],
            plan.WithCode("EGR302").Select(d => d.Path));
        Assert.All(plan.WithCode("EGR302"), d => Assert.Equal(Severity.Warning, d.Severity));
    }

    // The same dev stack declared as prod fails: the profile, not the file, decides.
    [Fact]
    public void DevStackAsProd_Fails()
    {
        var plan = PolicyStack.Evaluate(Stack("dev").Replace("environment: dev", "environment: prod", StringComparison.Ordinal));

        PolicyAssert.Finding(plan, "EGR320", "profile");
        PolicyAssert.Finding(plan, "EGR302", "egress.presets[0]");
    }
}
