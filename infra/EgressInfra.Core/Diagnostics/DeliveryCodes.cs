namespace EgressInfra.Core.Diagnostics;

/// <summary>
/// Codes for delivering a stack safely (EGR500–EGR529): where the Pulumi run deploys, and what the
/// cluster must already hold before the first change (the preflight).
/// </summary>
public static class DeliveryCodes
{
    public static readonly DiagnosticDescriptor ProdTargetMissing = new(
        "EGR500", Severity.Warning, "A prod stack names no kubeconfig context or kubeconfig: the Pulumi run would deploy to whatever cluster the ambient kubeconfig points at, so it refuses to start.",
        "Set egress-infra:context (and, if the context is not in the runner's kubeconfig, egress-infra:kubeconfig with `pulumi config set --secret`) in the prod stack file.");

    public static readonly DiagnosticDescriptor CrdMissing = new(
        "EGR501", Severity.Error, "The cluster does not serve a resource type the stack registers (its CustomResourceDefinition is missing).",
        "Install Istio (its base chart installs the CRDs) in the target cluster, or point the stack at the cluster that has it.");

    public static readonly DiagnosticDescriptor NamespaceMissing = new(
        "EGR502", Severity.Error, "A governed namespace does not exist in the cluster.",
        "Create the namespace (with its injection or dataplane label) before the first deploy, or remove it from egress.namespaces.");

    public static readonly DiagnosticDescriptor AmbientNamespaceUnderSidecars = new(
        "EGR503", Severity.Error, "A governed namespace is enrolled in ambient mode (istio.io/dataplane-mode=ambient), but the stack enforces egress with a Sidecar resource, which ambient workloads (no sidecar proxy) ignore.",
        "Remove the ambient label from the namespace and enable sidecar injection, or govern the namespace with a mode that fits ambient.");

    public static readonly DiagnosticDescriptor InjectionOff = new(
        "EGR504", Severity.Error, "Sidecar injection is off in a governed namespace, but the stack relies on sidecar proxies: its workloads would bypass the Sidecar resource entirely.",
        "Label the namespace istio-injection=enabled (or istio.io/rev=<revision>) and restart its workloads, then deploy.");

    public static readonly DiagnosticDescriptor UnownedSidecar = new(
        "EGR505", Severity.Error, "A governed namespace already has a Sidecar without workload selector that this stack does not own: Istio honours only one such Sidecar per namespace (the oldest), so the stack's policy would be ignored or fought over.",
        "Delete the other Sidecar or give it a workloadSelector, or adopt it deliberately (pulumi import) before deploying.");

    public static readonly DiagnosticDescriptor PreflightSkipped = new(
        "EGR506", Severity.Info, "The cluster preflight was skipped: the stack renders manifests to a directory, so no cluster is read.",
        "Check the target cluster before applying the rendered files (see README, \"Before the first deploy\").");

    public static readonly DiagnosticDescriptor ProbeImageNotPinned = new(
        "EGR507", Severity.Warning, "The probe image is named by tag only: the tag can be moved to other bytes, which would then run inside the governed namespaces.",
        "Pin the image by digest: name:tag@sha256:<digest> (`docker buildx imagetools inspect name:tag` shows it).");

    public static readonly IReadOnlyList<DiagnosticDescriptor> All =
    [
        ProdTargetMissing, CrdMissing, NamespaceMissing, AmbientNamespaceUnderSidecars, InjectionOff, UnownedSidecar, PreflightSkipped,
        ProbeImageNotPinned,
    ];
}
