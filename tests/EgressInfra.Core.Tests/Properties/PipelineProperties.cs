using CsCheck;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Tests.Properties;

/// <summary>Laws that hold for every config, checked over generated ones (CsCheck, fixed iteration counts).</summary>
public class PipelineProperties
{
    private const long Iterations = 300;

    // Whatever shape the config has, evaluation reports problems as diagnostics; it never throws.
    [Fact]
    public void Evaluate_NeverThrows_OnArbitraryTrees()
    {
        StackGenerators.ArbitraryProjectConfig.Sample(tree =>
        {
            var plan = EgressPipeline.Evaluate(tree);
            Assert.Equal(plan.HasErrors, plan.Manifests is null);
        }, iter: Iterations * 3, threads: 1);
    }

    // A config that validates can always be rendered, and the rendering is stable.
    [Fact]
    public void ValidConfig_AlwaysRenders()
    {
        StackGenerators.WellFormedStack.Sample(stack =>
        {
            var plan = EgressPipeline.Evaluate(stack.ToTree());
            if (!plan.HasErrors)
            {
                var yaml = YamlWriter.RenderObjects(plan.Manifests!.Objects);
                Assert.Equal(yaml, YamlWriter.RenderObjects(EgressPipeline.Evaluate(stack.ToTree()).Manifests!.Objects));
            }
        }, iter: Iterations, threads: 1);
    }

    // Reordering services, hosts, ports or namespaces changes neither the findings nor a byte of output.
    [Fact]
    public void Rendering_IsIndependentOfInputOrder()
    {
        StackGenerators.WellFormedStack.Sample(stack =>
        {
            var original = EgressPipeline.Evaluate(stack.ToTree());
            var shuffled = EgressPipeline.Evaluate(stack.Shuffled().ToTree());
            Assert.Equal(original.HasErrors, shuffled.HasErrors);
            Assert.Equal(
                original.Diagnostics.Select(d => (d.Code, d.Severity)).Order().ToList(),
                shuffled.Diagnostics.Select(d => (d.Code, d.Severity)).Order().ToList());
            if (!original.HasErrors)
            {
                Assert.Equal(YamlWriter.RenderObjects(original.Manifests!.Objects), YamlWriter.RenderObjects(shuffled.Manifests!.Objects));
            }
        }, iter: Iterations, threads: 1);
    }

    // Rendered YAML read back and written again is unchanged: the writer's output is its own fixed point.
    [Fact]
    public void Render_ReRead_Render_IsAFixedPoint()
    {
        StackGenerators.WellFormedStack.Sample(stack =>
        {
            var plan = EgressPipeline.Evaluate(stack.ToTree());
            if (plan.HasErrors)
            {
                return;
            }

            var yaml = YamlWriter.RenderObjects(plan.Manifests!.Objects);
            var reread = YamlTreeReader.ReadAll(yaml, "rendered.yaml");
            Assert.All(reread, d => Assert.Empty(d.Problems));
            Assert.Equal(yaml, YamlWriter.WriteDocuments(reread.Where(d => d.Root is not null).Select(d => d.Root!)));
        }, iter: Iterations, threads: 1);
    }

    // The stack file text and the tree Pulumi would hand the program evaluate to the same manifests.
    [Fact]
    public void YamlText_AndConfigTree_EvaluateAlike()
    {
        StackGenerators.WellFormedStack.Sample(stack =>
        {
            var fromTree = EgressPipeline.Evaluate(stack.ToTree());
            var fromText = EgressPipeline.Evaluate(StackFile.Parse(stack.ToYaml(), "Pulumi.gen.yaml"));
            Assert.Equal(fromTree.HasErrors, fromText.HasErrors);
            if (!fromTree.HasErrors)
            {
                Assert.Equal(fromTree.Manifests, fromText.Manifests);
            }
        }, iter: Iterations, threads: 1);
    }
}
