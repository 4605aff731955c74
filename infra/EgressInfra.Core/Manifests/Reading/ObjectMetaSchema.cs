using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Validation;

namespace EgressInfra.Core.Manifests.Reading;

/// <summary>
/// Kubernetes ObjectMeta as the API server decodes it for any object: the fields it knows, and the name,
/// namespace, label and annotation rules it applies before any admission webhook runs.
/// </summary>
public static class ObjectMetaSchema
{
    public static ValueRule Name { get; } = new(ManifestCodes.InvalidObjectName, static name =>
        name.Length == 0 || KubernetesNames.IsDns1123Subdomain(name)
            ? null
            : $"'{name}' is not a valid object name: it must be a lower-case DNS-1123 subdomain (letters a-z, digits, '-' and '.'; at most 253 characters)");

    public static ValueRule Namespace { get; } = new(ManifestCodes.InvalidNamespace, static ns =>
        ns.Length == 0 || KubernetesNames.IsDns1123Label(ns)
            ? null
            : $"'{ns}' is not a valid namespace name: it must be a lower-case DNS-1123 label (letters a-z, digits and '-'; at most 63 characters)");

    public static ValueRule LabelKey { get; } = new(ManifestCodes.InvalidLabel, KubernetesLabels.CheckQualifiedName);

    public static ValueRule LabelValue { get; } = new(ManifestCodes.InvalidLabel, KubernetesLabels.CheckLabelValue);

    public static ValueRule AnnotationKey { get; } = new(ManifestCodes.InvalidLabel, KubernetesLabels.CheckAnnotationKey);

    public static ObjectShape Shape { get; } = new(
    [
        new("name", new StringShape(Rule: Name)),
        new("generateName", StringShape.Any),
        new("namespace", new StringShape(Rule: Namespace)),
        new("labels", new MapShape(new StringShape(Rule: LabelValue), Keys: LabelKey)),
        new("annotations", new MapShape(StringShape.Any, Keys: AnnotationKey)),
        new("uid", StringShape.Any),
        new("resourceVersion", StringShape.Any),
        new("generation", IntegerShape.Int64),
        new("selfLink", StringShape.Any),
        new("creationTimestamp", AnyShape.Instance),
        new("deletionTimestamp", AnyShape.Instance),
        new("deletionGracePeriodSeconds", IntegerShape.Int64),
        new("ownerReferences", new ListShape(AnyShape.Instance)),
        new("finalizers", ListShape.Strings),
        new("managedFields", new ListShape(AnyShape.Instance)),
    ]);
}
