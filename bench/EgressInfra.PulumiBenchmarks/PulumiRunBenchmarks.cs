using EgressInfra.Benchmarks;
using BenchmarkDotNet.Attributes;
using Pulumi;

namespace EgressInfra.PulumiBenchmarks;

/// <summary>
/// The Pulumi program under <c>Deployment.TestAsync</c> with mocks, against the floor of registering
/// the same number of bare custom resources (no inputs) under the same mocks: what the program adds to
/// Pulumi's own cost per resource.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class PulumiRunBenchmarks
{
    private BenchProject? _project;
    private int _resources;

    [Params(100, 1_000, 5_000)]
    public int Services { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _project = BenchProject.Create(Services);
        _resources = Program();
        if (Bare() != _resources)
        {
            throw new InvalidOperationException("the floor must register as many resources as the program");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _project?.Dispose();

    [Benchmark(Baseline = true, Description = "floor: bare CustomResources")]
    public int Bare() => _project!.TestAsync(() => RegisterBare(_resources)).GetAwaiter().GetResult();

    [Benchmark(Description = "program: EgressProgram.RunAsync")]
    public int Program() => _project!.TestAsync(() => EgressProgram.RunAsync(_project.Directory)).GetAwaiter().GetResult();

    /// <summary>As many plain custom resources, without inputs, parent or provider.</summary>
    internal static Task<IDictionary<string, object?>> RegisterBare(int total)
    {
        for (var i = 0; i < total; i++)
        {
            _ = new CustomResource("kubernetes:networking.istio.io/v1:ServiceEntry", $"bare-{i}", ResourceArgs.Empty, options: null);
        }

        return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>());
    }
}
