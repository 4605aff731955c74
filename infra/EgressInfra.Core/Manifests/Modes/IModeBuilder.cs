using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Posture;

namespace EgressInfra.Core.Manifests.Modes;

/// <summary>
/// One way of turning the typed model into dataplane objects (<c>egress.mode</c>). The pipeline binds
/// and validates the per-namespace ServiceEntries first (shared by every mode), then asks the mode for
/// its own findings, its objects and the posture it gives each governed namespace.
/// </summary>
public interface IModeBuilder
{
    EgressMode Mode { get; }

    /// <summary>What this mode cannot build from the model, or settings it ignores; paths are config paths.</summary>
    IEnumerable<Diagnostic> Check(EgressConfig egress);

    /// <summary>Every object to deploy, in any order (<see cref="EgressManifests"/> sorts them).</summary>
    /// <param name="entries">The validated per-namespace ServiceEntries, config order.</param>
    IEnumerable<IKubernetesObject> Build(EgressConfig egress, IReadOnlyList<BuiltServiceEntry> entries);

    /// <summary>The posture of each governed namespace, sorted by namespace.</summary>
    IReadOnlyList<NamespacePosture> Postures(EgressConfig egress);
}
