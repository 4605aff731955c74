using EgressInfra.Core.Manifests;

namespace EgressInfra.Core.Import;

/// <summary>A ServiceEntry found in the input, with the namespace it lives in (kubectl's default when it names none).</summary>
internal sealed record SourceEntry(ServiceEntry Entry, string Namespace)
{
    public string Display => $"{Namespace}/{Entry.Metadata.Name}";
}

/// <summary>The Sidecar that sets a namespace's egress: the one without a workload selector.</summary>
internal sealed record SourceSidecar(Sidecar Sidecar, string Namespace);
