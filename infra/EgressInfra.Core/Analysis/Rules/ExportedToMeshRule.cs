using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Rules;

/// <summary>
/// Failure mode F10: exportTo omitted (Istio's default is <c>*</c>) or <c>*</c> makes the entry
/// part of every namespace's registry, so one team's entry opens or reroutes another team's egress.
/// </summary>
internal sealed class ExportedToMeshRule : IAnalysisRule
{
    public DiagnosticDescriptor Descriptor => AnalysisCodes.ExportedToMesh;

    public IEnumerable<EntryFinding> Analyze(AnalysisIndex index)
    {
        foreach (var entry in index.Entries)
        {
            if (!entry.Scope.IsPublic)
            {
                continue;
            }

            var exportTo = entry.Spec.ExportTo;
            var star = -1;
            for (var i = 0; i < exportTo.Count && star < 0; i++)
            {
                star = exportTo[i] == "*" ? i : -1;
            }

            var (path, how) = star < 0 ? ("spec.exportTo", "exportTo is omitted (Istio's default is '*')") : ($"spec.exportTo[{star}]", "exportTo is '*'");
            yield return entry.Finding(
                Descriptor,
                path,
                $"{how}: sidecars in every namespace see this entry, so REGISTRY_ONLY no longer blocks {Naming.Join(entry.Spec.Hosts.Take(ScopedConflicts.MaxNamed), entry.Spec.Hosts.Count > ScopedConflicts.MaxNamed)} " +
                "anywhere in the mesh and an entry for the same host in another namespace may be shadowed");
        }
    }
}
