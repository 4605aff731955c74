using System.Diagnostics;

namespace EgressInfra.PulumiBenchmarks;

/// <summary>`--once N`: one warm run of each side, with wall time and allocations; for profiling, not a benchmark.</summary>
internal static class OneRun
{
    public static async Task PrintAsync(int services)
    {
        using var project = BenchProject.Create(services);
        var resources = await project.TestAsync(() => EgressProgram.RunAsync(project.Directory));
        for (var round = 0; round < 3; round++)
        {
            await TimeAsync("program", () => project.TestAsync(() => EgressProgram.RunAsync(project.Directory)));
            await TimeAsync("bare", () => project.TestAsync(() => PulumiRunBenchmarks.RegisterBare(resources)));
        }
    }

    private static async Task TimeAsync(string what, Func<Task<int>> run)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        var registered = await run();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Console.WriteLine($"{what,-8} {registered,7} resources {sw.Elapsed.TotalMilliseconds,10:F1} ms {allocated / 1024.0 / registered,10:F1} KB/resource");
    }
}
