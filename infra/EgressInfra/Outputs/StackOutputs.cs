using System.Collections.Immutable;
using EgressInfra.Core.Config;
using EgressInfra.Core.Pipeline;
using EgressInfra.Resources;
using Pulumi;

namespace EgressInfra.Outputs;

/// <summary>The stack's outputs: what each namespace may reach, the settings in force, and the probe's results.</summary>
internal static class StackOutputs
{
    public static IDictionary<string, object?> Create(EgressPlan plan, IReadOnlyList<NamespaceEgress> namespaces)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(namespaces);
        var config = plan.Config!;
        var outputs = new Dictionary<string, object?>
        {
            ["environment"] = config.Environment.Name(),
            ["profile"] = config.Profile,
            ["mode"] = config.Egress.Mode.Name(),
            ["allowedDestinations"] = namespaces.ToImmutableSortedDictionary(n => n.Namespace, n => n.AllowedDestinations, StringComparer.Ordinal),
            ["posture"] = plan.Postures.ToImmutableSortedDictionary(p => p.Namespace, p => p.Name, StringComparer.Ordinal),
            ["warnings"] = plan.Warnings.Select(w => w.ToString()).ToImmutableArray(),
        };

        var probed = namespaces.Where(n => n.Probe is not null).ToList();
        if (probed.Count > 0)
        {
            outputs["probeJobs"] = ByNamespace(probed, n => n.Probe!.JobName);
            outputs["probeResults"] = ByNamespace(probed, n => n.Probe!.Result);
        }

        return outputs;
    }

    private static Output<ImmutableSortedDictionary<string, string>> ByNamespace(IEnumerable<NamespaceEgress> namespaces, Func<NamespaceEgress, Output<string>> value) =>
        Output.All(namespaces.Select(n => value(n).Apply(v => KeyValuePair.Create(n.Namespace, v))))
            .Apply(pairs => pairs.ToImmutableSortedDictionary(StringComparer.Ordinal));
}
