using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;

namespace EgressInfra.Tests;

/// <summary>The stacks shipped in the repository, and what <c>egressctl render --stack</c> prints for each.</summary>
internal static class ShippedStacks
{
    public static TheoryData<string> Names => ["dev", "prod"];

    /// <summary>The rendered manifests, computed by the Core from the stack file exactly as the CLI does.</summary>
    public static EgressManifests Rendered(string stack)
    {
        var plan = Evaluate(stack);
        Assert.False(plan.HasErrors, string.Join("\n", plan.Diagnostics));
        return plan.Manifests!;
    }

    /// <summary>What <c>egressctl check --stack</c> finds in a stack.</summary>
    public static EgressPlan Evaluate(string stack) =>
        EgressPipeline.Evaluate(StackFile.Parse(
            PulumiConfig.ShippedStackText(stack), $"Pulumi.{stack}.yaml", PulumiConfig.Project.Name, PulumiConfig.Project.Defaults));
}
