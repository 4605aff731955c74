using System.Globalization;
using BenchmarkDotNet.Running;
using EgressInfra.Benchmarks;

// `--stages N [--namespaces M]` times each pipeline step once warm; anything else goes to BenchmarkDotNet,
// e.g. `--filter '*' --job short` (see docs/performance.md).
if (args is ["--stages", var count, ..])
{
    var namespaces = args is [_, _, "--namespaces", var n] ? int.Parse(n, CultureInfo.InvariantCulture) : StackGenerator.DefaultNamespaces;
    StageTimer.Run(int.Parse(count, CultureInfo.InvariantCulture), namespaces);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args);
