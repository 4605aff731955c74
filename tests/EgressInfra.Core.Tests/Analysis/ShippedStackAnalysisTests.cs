using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Analysis;

/// <summary>The shipped stacks are the examples users copy; they must not trip any analysis rule.</summary>
public class ShippedStackAnalysisTests
{
    [Theory]
    [InlineData("prod")]
    [InlineData("dev")]
    public void ShippedStack_RaisesNoAnalysisFinding(string stack)
    {
        var plan = EgressPipeline.Evaluate(StackFile.Parse(RepoPaths.ReadText($"Pulumi.{stack}.yaml"), $"Pulumi.{stack}.yaml"));

        var analysis = plan.Diagnostics.Where(d => d.Code.StartsWith("EGR2", StringComparison.Ordinal));
        Assert.Empty(analysis);
    }
}
