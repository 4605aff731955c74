using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Validation.Istio;

/// <summary>
/// istioctl analyze's Sidecar analyzer (sidecar.SelectorAnalyzer) across the Sidecars of one namespace:
/// IST0111 MultipleSidecarsWithoutWorkloadSelectors (more than one Sidecar without a workloadSelector:
/// Istio applies only the oldest) and IST0110 ConflictingSidecarWorkloadSelectors (Sidecars that select
/// the same pod). Istio judges IST0110 on the cluster's pods; where the linted files hold Pods, so does
/// this, and without them two selectors conflict when every workload the narrower one selects is also
/// selected by the other (its labels include the other's). Sidecars in an ambient namespace, or on
/// ambient pods, are left to the ambient check (IST0167), as Istio does.
/// </summary>
public static class SidecarConflicts
{
    /// <summary>One Sidecar as the analyzers see it.</summary>
    /// <param name="Selector">The workloadSelector's labels, or null when it has no selector (or an empty one).</param>
    public sealed record Candidate(int Index, string Namespace, string Name, IReadOnlyDictionary<string, string>? Selector);

    /// <summary>A Pod of the linted files: where it runs, its labels, and whether ztunnel captures it (no sidecar).</summary>
    public sealed record Pod(string Namespace, string Name, IReadOnlyDictionary<string, string> Labels, bool Ambient);

    /// <summary>Findings per candidate index, with paths inside that Sidecar's document (no pods, no ambient namespaces).</summary>
    public static IReadOnlyList<(int Index, Diagnostic Finding)> Find(IReadOnlyList<Candidate> sidecars) =>
        Find(sidecars, [], new HashSet<string>(StringComparer.Ordinal));

    /// <param name="pods">The Pods of the linted files.</param>
    /// <param name="ambientNamespaces">Namespaces a Namespace object of the linted files puts in ambient mode.</param>
    public static IReadOnlyList<(int Index, Diagnostic Finding)> Find(
        IReadOnlyList<Candidate> sidecars, IReadOnlyList<Pod> pods, IReadOnlySet<string> ambientNamespaces)
    {
        ArgumentNullException.ThrowIfNull(sidecars);
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(ambientNamespaces);
        var result = new List<(int, Diagnostic)>();
        foreach (var group in sidecars.GroupBy(s => s.Namespace, StringComparer.Ordinal))
        {
            var list = group.ToList();
            var defaults = list.Where(s => s.Selector is null).ToList();

            // In an ambient namespace no pod has a sidecar: Istio reports the policy as ineffective instead.
            if (defaults.Count > 1 && !ambientNamespaces.Contains(group.Key))
            {
                foreach (var sidecar in defaults)
                {
                    var others = string.Join(", ", defaults.Where(o => o != sidecar).Select(o => o.Name));
                    result.Add((sidecar.Index, SidecarCodes.MultipleDefaultSidecars.Create(
                        "metadata.name",
                        $"the namespace '{group.Key}' has more than one Sidecar without a workloadSelector ({sidecar.Name}, {others}); Istio applies only the oldest (by creation time, then name) and ignores the others")));
                }
            }

            var selecting = list.Where(s => s.Selector is not null).ToList();
            var flagged = new HashSet<int>();
            foreach (var pod in pods.Where(p => p.Namespace == group.Key && !p.Ambient).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                var on = selecting.Where(s => Includes(pod.Labels, s.Selector!)).ToList();
                if (on.Count < 2)
                {
                    continue;
                }

                var names = string.Join(", ", on.Select(o => $"'{o.Name}'"));
                foreach (var sidecar in on.Where(s => flagged.Add(s.Index)))
                {
                    result.Add((sidecar.Index, SidecarCodes.ConflictingSelectors.Create(
                        "spec.workloadSelector",
                        $"the Sidecars {names} in '{group.Key}' all select the pod '{pod.Name}' ({Describe(pod.Labels)}); Istio applies only one of them to it")));
                }
            }

            for (var i = 0; i < selecting.Count; i++)
            {
                for (var j = 0; j < selecting.Count; j++)
                {
                    var a = selecting[i];
                    var b = selecting[j];
                    if (i == j || flagged.Contains(a.Index))
                    {
                        continue;
                    }

                    if (Includes(a.Selector!, b.Selector!) || Includes(b.Selector!, a.Selector!))
                    {
                        flagged.Add(a.Index);
                        result.Add((a.Index, SidecarCodes.ConflictingSelectors.Create(
                            "spec.workloadSelector",
                            $"the Sidecar '{a.Name}' selects workloads that '{b.Name}' in '{group.Key}' also selects ({Describe(a.Selector!)} and {Describe(b.Selector!)}); Istio applies only one of them to such a workload")));
                        break;
                    }
                }
            }
        }

        return result;
    }

    /// <summary>True when <paramref name="wide"/>'s labels are all in <paramref name="narrow"/> (so wide selects whatever narrow does).</summary>
    private static bool Includes(IReadOnlyDictionary<string, string> narrow, IReadOnlyDictionary<string, string> wide) =>
        wide.All(l => narrow.TryGetValue(l.Key, out var v) && v == l.Value);

    private static string Describe(IReadOnlyDictionary<string, string> labels) =>
        "{" + string.Join(", ", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")) + "}";
}
