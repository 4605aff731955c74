using BenchmarkDotNet.Attributes;
using EgressInfra.Core.Analysis;
using EgressInfra.Core.Config.Binding;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Sources;

namespace EgressInfra.Benchmarks;

/// <summary>The cross-entry analysis alone, on the entries of the generated stacks: its growth should be linear.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class AnalysisBenchmarks
{
    private IReadOnlyList<ServiceEntry> _entries = [];

    [Params(100, 1_000, 10_000)]
    public int Services { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var document = StackFile.Parse(StackGenerator.Generate(Services), "Pulumi.bench.yaml");
        var config = StackConfigBinder.Bind(document.ProjectConfig!).Config!;
        _entries = [.. ManifestBuilder.BuildServiceEntries(config.Egress).Select(b => b.Entry)];
    }

    [Benchmark(Description = "analysis: EgressAnalyzer.Analyze")]
    public int Analyze() => EgressAnalyzer.Analyze(_entries).Count;
}
