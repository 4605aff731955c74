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

            ForeignSidecars(objects, facts, ns, path, findings);
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

    /// <summary>
    /// Sidecars in a namespace where the stack registers one that Istio could apply instead. Istio
    /// (push_context.go initSidecarScopes, doGetSidecarScope) ranks every Sidecar with a
    /// workloadSelector, empty or not, before the namespace-wide ones and takes the first that selects
    /// the pod; among namespace-wide ones the oldest wins, and the stack's is the newer on a first deploy.
    /// </summary>
    private static void ForeignSidecars(IReadOnlyList<IKubernetesObject> objects, ClusterFacts facts, string ns, string path, List<Diagnostic> findings)
    {
        if (facts.UnlistedSidecars.TryGetValue(ns, out var reason))
        {
            findings.Add(DeliveryCodes.SidecarsUnlisted.Create(path, $"The Sidecars in namespace {ns} could not be listed ({reason}), so the preflight cannot rule out one that Istio would apply instead of the stack's.", resource: $"Namespace {ns}"));
        }

        var own = objects.Where(o => o.Kind == Sidecar.KindName && o.Metadata.Namespace == ns).Select(o => o.Metadata.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var other in facts.Sidecars.Where(s => s.Namespace == ns && !own.Contains(s.Name)).OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var resource = $"Sidecar {ns}/{other.Name}";
            if (other.WorkloadSelector is null)
            {
                findings.Add(DeliveryCodes.UnownedSidecar.Create(path, $"{resource} has no workload selector and is not this stack's; Istio applies only the oldest namespace-wide Sidecar of a namespace and ignores the other: on a first deploy, the stack's.", resource: resource));
            }
            else if (other.WorkloadSelector.Count == 0)
            {
                findings.Add(DeliveryCodes.UnownedSidecar.Create(path, $"{resource} has a workloadSelector without labels, which selects every workload, and Istio applies a Sidecar with a selector before a namespace-wide one: the stack's would govern no pod.", resource: resource));
            }
            else
            {
                var selector = string.Join(",", other.WorkloadSelector.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
                findings.Add(DeliveryCodes.SelectingSidecar.Create(path, $"{resource} selects workloads with {selector}; Istio applies it instead of the stack's Sidecar to those pods, so their egress follows its rules.", resource: resource));
            }
        }
    }
}
