using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Validation.Objects;

/// <summary>
/// One Kubernetes object as the per-kind validators read it: its tree (as lint reads YAML, or as
/// ManifestTree renders a generated object), and the namespace it is applied to.
/// </summary>
/// <param name="Root">The whole document: apiVersion, kind, metadata, spec.</param>
/// <param name="Namespace">metadata.namespace, or the namespace kubectl would apply it to.</param>
public sealed record ObjectInput(MappingNode Root, string Namespace)
{
    public string Kind => SpecNode.String(Root, "kind") ?? string.Empty;

    public string Name => SpecNode.String(SpecNode.Map(Root, "metadata"), "name") ?? string.Empty;

    public MappingNode? Spec => SpecNode.Map(Root, "spec");

    public MappingNode? Annotations => SpecNode.Map(SpecNode.Map(Root, "metadata"), "annotations");

    public MappingNode? Labels => SpecNode.Map(SpecNode.Map(Root, "metadata"), "labels");

    /// <summary>The object as findings name it: <c>Gateway istio-system/egress</c>.</summary>
    public string Display => $"{Kind} {Namespace}/{Name}";

    /// <summary>Reads the namespace from the tree, with a fallback for objects that leave it out.</summary>
    public static ObjectInput Of(MappingNode root, string defaultNamespace) =>
        new(root, SpecNode.String(SpecNode.Map(root, "metadata"), "namespace") is { Length: > 0 } ns ? ns : defaultNamespace);
}
