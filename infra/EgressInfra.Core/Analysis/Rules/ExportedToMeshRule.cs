using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Rules;

/// <summary>
/// Failure mode F10: exportTo omitted (Istio's default is <c>*</c>) or <c>*</c> makes the entry
/// part of every namespace's registry, so one team's entry opens or reroutes another team's egress.
/// Mirrors istio/istio pilot/pkg/model/push_context.go (serviceExportTo: unset exportTo takes
/// meshConfig.defaultServiceExportTo) and sidecar.go, selectServices: a sidecar imports a service
/// its egress hosts name by namespace or '*/', and for a host imported from several namespaces
/// keeps its own namespace's, else one of the others.
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

            var (path, how) = star < 0 ? ("spec.exportTo", "exportTo is omitted (Istio then applies meshConfig.defaultServiceExportTo, '*' by default)") : ($"spec.exportTo[{star}]", "exportTo is '*'");
            yield return entry.Finding(
                Descriptor,
                path,
                $"{how}: any namespace may import this entry, and the sidecars of a namespace with no Sidecar resource (nor a default one in the root namespace), or whose Sidecar's egress " +
                $"hosts name '{entry.Namespace}' (or '*/'), do, so REGISTRY_ONLY there no longer blocks {Naming.Join(entry.Spec.Hosts.Take(ScopedConflicts.MaxNamed), entry.Spec.Hosts.Count > ScopedConflicts.MaxNamed)}; " +
                "a Sidecar that imports only './*' and other namespaces is unaffected; an importing namespace's own entry for the same host still wins there, " +
                "but where the host is imported only from other namespaces the sidecar may keep this entry instead of the intended one");
        }
    }
}
