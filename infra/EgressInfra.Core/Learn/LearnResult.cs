using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Learn;

/// <summary>Everything seen in the logs: the destinations (sorted), the lines read, and the lines skipped as malformed.</summary>
public sealed record LearnResult(
    IReadOnlyList<LearnedDestination> Destinations,
    int Lines,
    int Learned,
    int OtherClusters,
    IReadOnlyList<Diagnostic> Malformed)
{
    public int MalformedCount { get; init; }
}
