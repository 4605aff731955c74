using System.Collections.Immutable;
using EgressInfra.Core.Manifests;

namespace EgressInfra.Tests.Outputs;

public class StackOutputsTests
{
    public static TheoryData<string> Stacks => ShippedStacks.Names;

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task StackExportsAllowedDestinationsPerNamespace(string stack)
    {
        var run = await ProgramRun.ShippedStackAsync(stack);

        var exported = Assert.IsAssignableFrom<IReadOnlyDictionary<string, ImmutableArray<string>>>(run.Outputs["allowedDestinations"]);
        var expected = ManifestBuilder.AllowedDestinations(ShippedStacks.Rendered(stack));
        Assert.Equal(expected.Keys, exported.Keys);
        foreach (var (ns, destinations) in expected)
        {
            Assert.Equal(destinations, exported[ns]);
        }
    }

    [Theory]
    [InlineData("dev", "permissive")]
    [InlineData("prod", "restrictive")]
    public async Task StackExportsEnvironmentProfileAndTheCoresWarnings(string stack, string profile)
    {
        var run = await ProgramRun.ShippedStackAsync(stack);

        Assert.Equal(stack, run.Outputs["environment"]);
        Assert.Equal(profile, run.Outputs["profile"]);
        var warnings = ShippedStacks.Evaluate(stack).Warnings.Select(w => w.ToString());
        Assert.Equal(warnings, Assert.IsType<ImmutableArray<string>>(run.Outputs["warnings"]));
    }
}
