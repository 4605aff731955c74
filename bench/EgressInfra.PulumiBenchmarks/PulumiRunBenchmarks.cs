using EgressInfra.Benchmarks;
using BenchmarkDotNet.Attributes;

namespace EgressInfra.PulumiBenchmarks;

/// <summary>
/// The Pulumi program under <c>Deployment.TestAsync</c> with mocks, against two floors under the same
/// mocks and with as many registrations: bare custom resources (no inputs, parent, provider or
/// options: what the ratio is taken against) and the same objects with the program's inputs
/// but nothing else (Pulumi's own cost of serializing, mocking and echoing that data). The program's
/// difference to the second floor is what the program itself adds: reading config, the Core, the
/// mapping, options, components and outputs.
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
        if (Bare() != _resources || SameInputs() != _resources)
        {
            throw new InvalidOperationException("the floors must register as many resources as the program");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _project?.Dispose();

    [Benchmark(Baseline = true, Description = "floor: bare CustomResources")]
    public int Bare() => _project!.TestAsync(() => PlainRegistrations.RegisterBare(_resources)).GetAwaiter().GetResult();

    [Benchmark(Description = "floor: same inputs, no options")]
    public int SameInputs() => _project!.TestAsync(() => _project.Plain.RegisterWithInputs(_resources)).GetAwaiter().GetResult();

    [Benchmark(Description = "program: EgressProgram.RunAsync")]
    public int Program() => _project!.TestAsync(() => EgressProgram.RunAsync(_project.Directory, NoSidecars.Instance)).GetAwaiter().GetResult();
}
