using EgressInfra.Core.Tests.Profiles;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Pipeline;

/// <summary>
/// The shipped production stack with one forbidden change each: the pipeline returns the rule's
/// error and no manifests, so neither door can deploy any of it.
/// </summary>
public class ProdGuardrailTests
{
    public static TheoryData<string, string, string> Violations => new()
    {
        { "package-manager preset", "EGR302", "egress.presets[0]" },
        { "wildcard host", "EGR303", "egress.services[3].hosts[0]" },
        { "catch-all address", "EGR304", "egress.services[3].addresses[0]" },
        { "exportTo *", "EGR308", "egress.services[3].exportTo[0]" },
        { "permissive profile", "EGR320", "profile" },
        { "expired waiver", "EGR330", "policy.waivers[0].expires" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void ProdWithAViolation_ReturnsTheRulesErrorAndNoManifests(string violation, string code, string path)
    {
        var plan = PolicyStack.Evaluate(ProdVariants.Violate(RepoPaths.ReadText("Pulumi.prod.yaml"), violation));

        Assert.True(plan.HasErrors, $"{violation} passed");
        Assert.Null(plan.Manifests);
        Assert.Contains(plan.Errors, d => d.Code == code && d.Path == path);
    }

    [Fact]
    public void ShippedProd_ReturnsManifests()
    {
        Assert.NotNull(PolicyStack.Evaluate(RepoPaths.ReadText("Pulumi.prod.yaml")).Manifests);
    }
}
