using System.Globalization;
using BenchmarkDotNet.Running;
using EgressInfra.Benchmarks;

// `--stages N [--namespaces M]` times each pipeline step once warm; `--write-stack N PATH [--namespaces M]
// [--changed K]` writes the generated stack file for whole-process runs (egressctl, the AOT floor);
// anything else goes to BenchmarkDotNet, e.g. `--filter '*' --job short` (see docs/performance.md).
if (args is ["--stages", var count, ..])
{
    StageTimer.Run(Number(count), Option("--namespaces") ?? StackGenerator.DefaultNamespaces);
    return;
}

if (args is ["--live", var liveCount, ..])
{
    StageTimer.Live(Number(liveCount), Option("--namespaces") ?? StackGenerator.DefaultNamespaces);
    return;
}

if (args is ["--write-stack", var services, var path, ..])
{
    var text = StackGenerator.Generate(Number(services), Option("--namespaces") ?? StackGenerator.DefaultNamespaces, Option("--changed") ?? 0);
    File.WriteAllText(path, text);
    Console.WriteLine($"{path}: {services} services, {text.Length:N0} chars");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args);

int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

int? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? Number(args[i + 1]) : null;
}
