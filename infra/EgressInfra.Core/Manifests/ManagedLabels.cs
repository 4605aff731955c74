namespace EgressInfra.Core.Manifests;

/// <summary>Labels and annotations EgressInfra puts on what it manages, so that people and tools can find it.</summary>
public static class ManagedLabels
{
    public const string ManagedBy = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "egress-infra";
    public const string Service = "egress-infra.io/service";
    public const string OwnerAnnotation = "egress-infra.io/owner";
    public const string ReasonAnnotation = "egress-infra.io/reason";
    public const string PresetAnnotation = "egress-infra.io/preset";

    /// <summary>One Sidecar per namespace, without a workload selector: Istio allows exactly one such.</summary>
    public const string SidecarName = "default";
}
