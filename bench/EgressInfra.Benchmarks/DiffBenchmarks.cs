using BenchmarkDotNet.Attributes;
using EgressInfra.Core.Diff;
using EgressInfra.Core.Sources;

namespace EgressInfra.Benchmarks;

/// <summary>
/// <c>egressctl diff --file OLD --file NEW</c> on two versions of a stack (every 100th service gains a
/// host), against the floor of YamlDotNet loading and writing both files; at 20 and 200 namespaces,
/// because the diff must not grow with the namespace count.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class DiffBenchmarks
{
    private string _old = string.Empty;
    private string _new = string.Empty;

    [Params(10_000)]
    public int Services { get; set; }

    [Params(20, 200)]
    public int Namespaces { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _old = StackGenerator.Generate(Services, Namespaces);
        _new = StackGenerator.Generate(Services, Namespaces, changedEvery: 100);
        var result = Diff();
        if (result.Diff is null || result.Old.HasErrors || result.New.HasErrors || result.Diff.ServicesChanged.Count == 0)
        {
            throw new InvalidOperationException("both versions must be clean and differ:\n" + string.Join("\n", result.New.Diagnostics.Take(10)));
        }
    }

    [Benchmark(Baseline = true, Description = "floor: YamlDotNet load + emit, both files")]
    public int Floor() => YamlDotNetFloor.Run(_old).Length + YamlDotNetFloor.Run(_new).Length;

    [Benchmark(Description = "diff: parse + evaluate + compare both")]
    public int Compare() => Diff().Diff!.ServicesChanged.Count;

    private DiffResult Diff() =>
        EgressDiffer.Compare(StackFile.Parse(_old, "old.yaml"), "old.yaml", StackFile.Parse(_new, "new.yaml"), "new.yaml");
}
