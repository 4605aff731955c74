using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Manifests;

/// <summary>The part of Kubernetes object metadata that EgressInfra writes and reads.</summary>
public sealed record ObjectMetadata(string Name, string? Namespace, ValueMap<string> Labels, ValueMap<string> Annotations)
{
    public static ObjectMetadata Named(string name, string? ns) => new(name, ns, ValueMap<string>.Empty, ValueMap<string>.Empty);
}
