namespace EgressInfra.Core.Manifests.Reading;

/// <summary>
/// The ServiceEntry CRD's structural schema (networking.istio.io v1, v1beta1 and v1alpha3 share it):
/// required fields, enums, counts and lengths. The CRD's cross-field rules that Istio's webhook repeats
/// are left to <see cref="Validation.Istio.ServiceEntryValidator"/>; those only the CRD has are in
/// <see cref="ServiceEntryReader"/>.
/// </summary>
public static class ServiceEntrySchema
{
    /// <summary>The resolution enum. DYNAMIC_DNS is served from Istio 1.28 on.</summary>
    public static IReadOnlyList<string> Resolutions { get; } = ["NONE", "STATIC", "DNS", "DNS_ROUND_ROBIN", "DYNAMIC_DNS"];

    public static IReadOnlyList<string> Locations { get; } = ["MESH_EXTERNAL", "MESH_INTERNAL"];

    public static ObjectShape Port { get; } = new(
    [
        new("number", IntegerShape.UInt32, Required: true),
        new("protocol", new StringShape(MaxLength: 256)),
        new("name", new StringShape(MaxLength: 256), Required: true),
        new("targetPort", IntegerShape.UInt32),
    ]);

    public static ObjectShape Endpoint { get; } = new(
    [
        new("address", new StringShape(MaxLength: 256)),
        new("ports", new MapShape(IntegerShape.UInt32, MaxProperties: 128)),
        new("labels", new MapShape(StringShape.Any, MaxProperties: 256)),
        new("network", new StringShape(MaxLength: 2048)),
        new("locality", new StringShape(MaxLength: 2048)),
        new("weight", IntegerShape.UInt32),
        new("serviceAccount", new StringShape(MaxLength: 253)),
    ]);

    public static ObjectShape WorkloadSelector { get; } = new(
    [
        new("labels", new MapShape(new StringShape(MaxLength: 63), MaxProperties: 256)),
    ]);

    public static ObjectShape Spec { get; } = new(
    [
        new("hosts", new ListShape(StringShape.Any, MinItems: 1, MaxItems: 256), Required: true),
        new("addresses", new ListShape(new StringShape(MaxLength: 64), MaxItems: 256)),
        new("ports", new ListShape(Port, MaxItems: 256)),
        new("location", new StringShape(Enum: Locations)),
        new("resolution", new StringShape(Enum: Resolutions)),
        new("endpoints", new ListShape(Endpoint, MaxItems: 4096)),
        new("workloadSelector", WorkloadSelector),
        new("exportTo", ListShape.Strings),
        new("subjectAltNames", ListShape.Strings),
    ]);

    public static ObjectShape Document { get; } = ResourceEnvelope.For(Spec, specRequired: true);
}
