namespace EgressInfra.Core.Manifests.Reading;

/// <summary>The top level every Istio custom resource shares: apiVersion, kind, metadata, spec and a free-form status.</summary>
public static class ResourceEnvelope
{
    public static ObjectShape For(ObjectShape spec, bool specRequired) => new(
    [
        new("apiVersion", StringShape.Any),
        new("kind", StringShape.Any),
        new("metadata", ObjectMetaSchema.Shape),
        new("spec", spec, Required: specRequired),

        // The CRDs keep unknown status fields, and apply ignores status (a subresource) anyway.
        new("status", AnyShape.Instance),
    ]);
}
