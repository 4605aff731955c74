using EgressInfra.Core.Changes;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Changes;

/// <summary>A change is judged by the same pipeline that gates deployment.</summary>
public class ChangeEvaluatorTests
{
    [Fact]
    public void Evaluate_ChangeThatBreaksTheStack_ReportsTheErrorsAtTheEditedPath()
    {
        var document = StackFile.Parse(RepoPaths.ReadText("Pulumi.prod.yaml"), "Pulumi.prod.yaml");
        var edit = new ConfigEdit("egress.services[0].ports[0].protocol", new ScalarNode("TLSX", ScalarKind.String), "typo");

        var after = ChangeEvaluator.Evaluate(document.ProjectConfig!, [edit]);

        var error = Assert.Single(after.Errors);
        Assert.Equal("egress.services[0].ports[0].protocol", error.Path);
        Assert.Null(after.Manifests);
    }

    [Fact]
    public void NewWarnings_IgnoresWarningsTheStackAlreadyHad()
    {
        var document = StackFile.Parse(RepoPaths.ReadText("Pulumi.prod.yaml"), "Pulumi.prod.yaml");
        var before = EgressPipeline.Evaluate(document);

        Assert.Empty(ChangeEvaluator.NewWarnings(before, before));
    }
}
