using System.Text;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation;

namespace EgressInfra.Core.Manifests.Reading;

/// <summary>The metadata rules the schema alone cannot express, and the mapping to <see cref="ObjectMetadata"/>.</summary>
internal static class MetadataReader
{
    public static void Check(SchemaChecker checker, MappingNode root)
    {
        var metadata = root["metadata"];
        var map = metadata as MappingNode;
        var name = map?["name"];
        if (name is null or ScalarNode { Kind: ScalarKind.Null } or ScalarNode { Kind: ScalarKind.String, Text.Length: 0 })
        {
            var hint = TreeValues.IsPresent(map?["generateName"])
                ? "kubectl apply cannot use generateName: give the object a fixed metadata.name."
                : "Add metadata.name: the object's name, unique per kind in its namespace.";
            checker.Report(ManifestCodes.InvalidObjectName.Create("metadata.name", "metadata.name is required", hint), name ?? metadata ?? root);
        }

        if (map?["annotations"] is MappingNode annotations)
        {
            var size = annotations.Entries.Sum(e => Encoding.UTF8.GetByteCount(e.Key.Text) + Encoding.UTF8.GetByteCount(TreeValues.String(e.Value) ?? string.Empty));
            if (size > KubernetesLabels.MaxAnnotationBytes)
            {
                checker.Report(ManifestCodes.LimitExceeded.Create("metadata.annotations", $"the annotations hold {size} bytes; the API server allows at most {KubernetesLabels.MaxAnnotationBytes}"), annotations);
            }
        }
    }

    public static ObjectMetadata Read(MappingNode root)
    {
        var map = root["metadata"] as MappingNode;
        return new ObjectMetadata(
            TreeValues.String(map?["name"]) ?? string.Empty,
            TreeValues.String(map?["namespace"]) is { Length: > 0 } ns ? ns : null,
            TreeValues.StringMap(map?["labels"]),
            TreeValues.StringMap(map?["annotations"]));
    }
}
