using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace EgressInfra.Benchmarks;

/// <summary>
/// A short job (one launch, 3 warm-ups, 9 measured iterations) that fits in a few minutes on two
/// shared cores, with the minimum and median beside the mean: on a busy machine the minimum is the
/// figure least disturbed by other processes.
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(9).WithId("short9"));
        AddColumn(StatisticColumn.Min, StatisticColumn.Median);
    }
}
