using EgressInfra.Core.Manifests;

namespace EgressInfra.Core.Analysis;

/// <summary>
/// Findings across all ServiceEntries of a stack or of a linted set of files: the failure modes
/// Istio admits but that break traffic (issue 3, section 2).
/// </summary>
public static class EgressAnalyzer
{
    public static IReadOnlyList<EntryFinding> Analyze(IReadOnlyList<ServiceEntry> entries)
    {
        _ = entries;
        return [];
    }
}
