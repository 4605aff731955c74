using System.Diagnostics;
using System.Globalization;

namespace EgressInfra.PulumiBenchmarks;

/// <summary>
/// `--once N`: warm runs of the program and both floors, interleaved, with wall time, the process's
/// CPU time (every thread: the SDK's tasks, GC, finalizers) and the bytes allocated, per resource; the
/// best of three rounds of each side and their ratios. For profiling and busy machines, not a benchmark.
/// </summary>
internal static class OneRun
{
    private const int Rounds = 3;

    public static async Task PrintAsync(int services)
    {
        using var project = BenchProject.Create(services);
        var resources = await project.TestAsync(() => EgressProgram.RunAsync(project.Directory, NoSidecars.Instance));
        var sides = new (string Name, Func<Task<int>> Run)[]
        {
            ("program", () => project.TestAsync(() => EgressProgram.RunAsync(project.Directory, NoSidecars.Instance))),
            ("inputs", () => project.TestAsync(() => project.Plain.RegisterWithInputs(resources))),
            ("bare", () => project.TestAsync(() => PlainRegistrations.RegisterBare(resources))),
        };
        var best = sides.ToDictionary(s => s.Name, _ => (Wall: double.MaxValue, Cpu: double.MaxValue, Bytes: double.MaxValue));
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (name, run) in sides)
            {
                var m = await MeasureAsync(run, resources);
                Console.WriteLine(Inv($"{name,-8} {resources,7} resources {m.Wall,9:F3} ms wall {m.Cpu,9:F3} ms CPU {m.Bytes / 1024,8:F1} KB per resource"));
                var b = best[name];
                best[name] = (Math.Min(b.Wall, m.Wall), Math.Min(b.Cpu, m.Cpu), Math.Min(b.Bytes, m.Bytes));
            }
        }

        var (program, inputs, bare) = (best["program"], best["inputs"], best["bare"]);
        Console.WriteLine(Inv($"best of {Rounds}, per resource: program {program.Cpu:F3} ms CPU, {program.Bytes / 1024:F1} KB; same inputs {inputs.Cpu:F3} ms, {inputs.Bytes / 1024:F1} KB; bare {bare.Cpu:F3} ms, {bare.Bytes / 1024:F1} KB"));
        Console.WriteLine(Inv($"program / bare: {program.Cpu / bare.Cpu:F2}x CPU, {program.Wall / bare.Wall:F2}x wall, {program.Bytes / bare.Bytes:F2}x allocated"));
        Console.WriteLine(Inv($"program / same inputs: {program.Cpu / inputs.Cpu:F2}x CPU, {program.Wall / inputs.Wall:F2}x wall, {program.Bytes / inputs.Bytes:F2}x allocated"));
        Console.WriteLine(Inv($"same inputs / bare: {inputs.Cpu / bare.Cpu:F2}x CPU, {inputs.Bytes / bare.Bytes:F2}x allocated"));
    }

    /// <summary>One run, per resource: wall ms, CPU ms, bytes allocated.</summary>
    private static async Task<(double Wall, double Cpu, double Bytes)> MeasureAsync(Func<Task<int>> run, int resources)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        var registered = await run();
        sw.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
        if (registered != resources)
        {
            throw new InvalidOperationException($"registered {registered} resources, expected {resources}");
        }

        return (sw.Elapsed.TotalMilliseconds / resources, cpuMs / resources, (double)allocated / resources);
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
