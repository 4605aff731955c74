using System.Globalization;
using BenchmarkDotNet.Running;
using EgressInfra.PulumiBenchmarks;

// `--once N` runs the program and the bare registrations once each for N services and prints what
// they registered and allocated; anything else goes to BenchmarkDotNet (docs/performance.md).
if (args is ["--once", var count])
{
    await OneRun.PrintAsync(int.Parse(count, CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(PulumiRunBenchmarks).Assembly).Run(args);
