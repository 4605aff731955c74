using System.Globalization;
using BenchmarkDotNet.Running;
using EgressInfra.Benchmarks;

// `--stages N` times each pipeline step once warm; anything else goes to BenchmarkDotNet,
// e.g. `--filter '*' --job short` (see docs/performance.md).
if (args is ["--stages", var count])
{
    StageTimer.Run(int.Parse(count, CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args);
