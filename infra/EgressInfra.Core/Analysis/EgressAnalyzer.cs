using EgressInfra.Core.Analysis.Rules;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;

namespace EgressInfra.Core.Analysis;

/// <summary>
/// Findings across all ServiceEntries of a stack or of a linted set of files: the failure modes
/// Istio admits but that break traffic (docs: egress failure modes F2–F13, IST0134, IST0177).
/// </summary>
public static class EgressAnalyzer
{
    internal static IReadOnlyList<IAnalysisRule> Rules { get; } =
    [
        new AddressesRequiredRule(),
        new ConflictingProtocolRule(),
        new HttpOnTlsPortRule(),
        new TcpCapturesAllTlsRule(),
        new SharedTcpPortRule(),
        new OverlappingAddressesRule(),
        new SplitHostRule(),
        new HttpWithoutDnsRule(),
        new ServerFirstProtocolRule(),
        new ExportedToMeshRule(),
        new WildcardSiblingsRule(),
        new MeshInternalExternalHostRule(),
        new AddressesWithDnsRule(),
    ];

    /// <summary>
    /// Runs every rule over one shared index. Each finding names its entry by index; its path is
    /// relative to that entry's manifest and its resource is the entry's display name.
    /// </summary>
    public static IReadOnlyList<EntryFinding> Analyze(IReadOnlyList<ServiceEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return [];
        }

        var index = AnalysisIndex.Build(entries);
        var findings = new List<EntryFinding>();
        foreach (var rule in Rules)
        {
            findings.AddRange(rule.Analyze(index));
        }

        findings.Sort(static (a, b) =>
        {
            var c = a.EntryIndex.CompareTo(b.EntryIndex);
            return c != 0 ? c : DiagnosticOrder.Instance.Compare(a.Diagnostic, b.Diagnostic);
        });
        return findings;
    }
}
