using BenchmarkDotNet.Attributes;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;

namespace EgressInfra.Benchmarks;

/// <summary>
/// The cost of <c>egressctl check</c> and <c>render</c> against a floor: YamlDotNet alone reading the
/// same text and writing the same number of documents, with no validation, model or analysis.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class PipelineBenchmarks
{
    private string _text = string.Empty;

    [Params(10, 100, 1_000, 10_000)]
    public int Services { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = StackGenerator.Generate(Services);
        var plan = EgressPipeline.Evaluate(StackFile.Parse(_text, "Pulumi.bench.yaml"));
        if (plan.Manifests is null || plan.Diagnostics.Count > 0)
        {
            throw new InvalidOperationException("the generated stack must be clean:\n" + string.Join("\n", plan.Diagnostics.Take(10)));
        }

        var objects = plan.Manifests.Objects.Count();
        var floorDocuments = YamlDotNetFloor.Run(_text).Documents;
        if (floorDocuments != objects)
        {
            throw new InvalidOperationException($"the floor writes {floorDocuments} documents but the pipeline {objects}");
        }
    }

    [Benchmark(Baseline = true, Description = "floor: YamlDotNet load + emit")]
    public int Floor() => YamlDotNetFloor.Run(_text).Length;

    [Benchmark(Description = "check: parse + evaluate")]
    public int Check() => EgressPipeline.Evaluate(StackFile.Parse(_text, "Pulumi.bench.yaml")).Diagnostics.Count;

    [Benchmark(Description = "check + render")]
    public int CheckAndRender()
    {
        var plan = EgressPipeline.Evaluate(StackFile.Parse(_text, "Pulumi.bench.yaml"));
        return YamlWriter.RenderObjects(plan.Manifests!.Objects).Length;
    }
}
