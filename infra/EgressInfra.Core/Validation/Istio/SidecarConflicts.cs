using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Validation.Istio;

/// <summary>
/// istioctl analyze's Sidecar analyzers across the Sidecars of one namespace: IST0110 (more than one
/// Sidecar without a workloadSelector: Istio picks one arbitrarily) and IST0111 (Sidecars whose
/// selectors pick the same workloads). Without the cluster's pods, two selectors conflict when every
/// workload the narrower one selects is also selected by the other (its labels include the other's).
/// </summary>
public static class SidecarConflicts
{
    /// <summary>One Sidecar as the analyzers see it.</summary>
    /// <param name="Selector">The workloadSelector's labels, or null when it has no selector (or an empty one).</param>
    public sealed record Candidate(int Index, string Namespace, string Name, IReadOnlyDictionary<string, string>? Selector);

    /// <summary>Findings per candidate index, with paths inside that Sidecar's document.</summary>
    public static IReadOnlyList<(int Index, Diagnostic Finding)> Find(IReadOnlyList<Candidate> sidecars)
    {
        var result = new List<(int, Diagnostic)>();
        foreach (var group in sidecars.GroupBy(s => s.Namespace, StringComparer.Ordinal))
        {
            var list = group.ToList();
            var defaults = list.Where(s => s.Selector is null).ToList();
            if (defaults.Count > 1)
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
            for (var i = 0; i < selecting.Count; i++)
            {
                for (var j = 0; j < selecting.Count; j++)
                {
                    if (i == j)
                    {
                        continue;
                    }

                    var a = selecting[i];
                    var b = selecting[j];
                    if (Includes(a.Selector!, b.Selector!) || Includes(b.Selector!, a.Selector!))
                    {
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

    /// <summary>True when every label of <paramref name="narrow"/>'s selection… i.e. <paramref name="wide"/>'s labels are all in <paramref name="narrow"/>.</summary>
    private static bool Includes(IReadOnlyDictionary<string, string> narrow, IReadOnlyDictionary<string, string> wide) =>
        wide.All(l => narrow.TryGetValue(l.Key, out var v) && v == l.Value);

    private static string Describe(IReadOnlyDictionary<string, string> labels) =>
        "{" + string.Join(", ", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")) + "}";
}
