using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;

namespace EgressInfra.Core.Delivery;

/// <summary>
/// Compares what a plan assumes with what the cluster holds, before anything is changed, and reports
/// every mismatch at once. Pure: the Pulumi door reads the facts through its provider.
/// </summary>
public static class Preflight
{
    /// <summary>Set on a namespace enrolled in ambient mode: its pods have no sidecar proxy.</summary>
    public const string DataplaneModeLabel = "istio.io/dataplane-mode";
    public const string InjectionLabel = "istio-injection";
    public const string RevisionLabel = "istio.io/rev";

    public static IReadOnlyList<Diagnostic> Evaluate(IReadOnlyList<IKubernetesObject> objects, ClusterFacts facts)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(facts);
        var reads = PreflightReads.For(objects);
        var findings = new List<Diagnostic>();

        foreach (var crd in reads.Crds.Where(c => !facts.Crds.Contains(c)))
        {
            findings.Add(DeliveryCodes.CrdMissing.Create(
                "egress",
                $"The cluster has no CustomResourceDefinition {crd}: every object of that kind would be rejected.",
                resource: $"CustomResourceDefinition {crd}"));
        }

        foreach (var ns in reads.Namespaces)
        {
            var path = $"egress.namespaces[{ns}]";
            if (!facts.Namespaces.TryGetValue(ns, out var labels))
            {
                findings.Add(DeliveryCodes.NamespaceMissing.Create(path, $"Namespace {ns} does not exist in the cluster.", resource: $"Namespace {ns}"));
                continue;
            }

            var hasSidecarPolicy = objects.Any(o => o.Kind == Sidecar.KindName && o.Metadata.Namespace == ns);
            if (!hasSidecarPolicy)
            {
                continue;
            }

            if (labels.TryGetValue(DataplaneModeLabel, out var mode) && mode == "ambient")
            {
                findings.Add(DeliveryCodes.AmbientNamespaceUnderSidecars.Create(path, $"Namespace {ns} is labelled {DataplaneModeLabel}=ambient; its pods get no sidecar proxy, so the stack's Sidecar governs nothing there.", resource: $"Namespace {ns}"));
            }
            else if (!InjectionOn(labels))
            {
                findings.Add(DeliveryCodes.InjectionOff.Create(path, $"Namespace {ns} {InjectionState(labels)}; its pods get no sidecar proxy, so the stack's Sidecar governs nothing there.", resource: $"Namespace {ns}"));
            }

            foreach (var other in facts.Sidecars.Where(s => s.Namespace == ns && !s.HasWorkloadSelector && !Owned(s)))
            {
                findings.Add(DeliveryCodes.UnownedSidecar.Create(path, $"Sidecar {ns}/{other.Name} has no workload selector and is not managed by egress-infra; Istio applies only one such Sidecar per namespace.", resource: $"Sidecar {ns}/{other.Name}"));
            }
        }

        return DiagnosticOrder.Sort(findings);
    }

    /// <summary>
    /// Istio's injector webhook selects a namespace by <c>istio-injection=enabled</c>, or by an
    /// <c>istio.io/rev</c> label when <c>istio-injection</c> is not set (the revision's own selector).
    /// </summary>
    public static bool InjectionOn(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.TryGetValue(InjectionLabel, out var injection))
        {
            return injection == "enabled";
        }

        return labels.ContainsKey(RevisionLabel);
    }

    private static string InjectionState(Collections.ValueMap<string> labels) =>
        labels.TryGetValue(InjectionLabel, out var value)
            ? $"has {InjectionLabel}={value}"
            : $"has neither {InjectionLabel}=enabled nor {RevisionLabel}";

    private static bool Owned(ObservedSidecar sidecar) =>
        sidecar.Labels.TryGetValue(ManagedLabels.ManagedBy, out var by) && by == ManagedLabels.ManagedByValue;
}
