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
        "EGR505", Severity.Error, "A namespace where the stack registers its Sidecar already has another that Istio would apply to every pod instead: a namespace-wide one (Istio applies only the oldest), or one whose workloadSelector has no labels (selecting Sidecars come first).",
        "Delete the other Sidecar, or fold its settings into the stack and delete it; a selector that names specific pods still replaces the stack's Sidecar for them (EGR509).");

    public static readonly DiagnosticDescriptor PreflightSkipped = new(
        "EGR506", Severity.Info, "The cluster preflight was skipped: the stack renders manifests to a directory, so no cluster is read.",
        "Check the target cluster before applying the rendered files (see README, \"Before the first deploy\").");

    public static readonly DiagnosticDescriptor ProbeImageNotPinned = new(
        "EGR507", Severity.Warning, "The probe image is named by tag only: the tag can be moved to other bytes, which would then run inside the governed namespaces.",
        "Pin the image by digest: name:tag@sha256:<digest> (`docker buildx imagetools inspect name:tag` shows it).");

    public static readonly DiagnosticDescriptor SidecarsUnlisted = new(
        "EGR508", Severity.Error, "The Sidecars of a namespace where the stack registers its Sidecar could not be listed, so the preflight cannot tell whether Istio would apply another one instead.",
        "Let the deploying identity list sidecars.networking.istio.io in that namespace (kubectl auth can-i list sidecars.networking.istio.io -n <namespace>), then deploy again.");

    public static readonly DiagnosticDescriptor SelectingSidecar = new(
        "EGR509", Severity.Warning, "Another Sidecar in a governed namespace selects some of its pods: Istio applies it instead of the stack's namespace-wide Sidecar to them, so their egress follows its rules, not the stack's.",
        "Make its egress hosts and outboundTrafficPolicy at least as strict as the stack's, or delete it and let the stack's Sidecar govern those pods.");

    public static readonly IReadOnlyList<DiagnosticDescriptor> All =
    [
        ProdTargetMissing, CrdMissing, NamespaceMissing, AmbientNamespaceUnderSidecars, InjectionOff, UnownedSidecar, PreflightSkipped,
        ProbeImageNotPinned, SidecarsUnlisted, SelectingSidecar,
    ];
}
