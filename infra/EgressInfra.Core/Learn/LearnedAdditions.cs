using System.Globalization;
using EgressInfra.Core.Config;
using EgressInfra.Core.Diff;
using EgressInfra.Core.Explain;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Learn;

/// <summary>What learning adds to a stack: the destinations it does not allow yet, appended as services, for diff to compare.</summary>
public static class LearnedAdditions
{
    /// <summary>The destinations the stack's namespaces do not reach by an exact host, an address or a <c>*.</c> wildcard today.</summary>
    public static IReadOnlyList<LearnedDestination> NotAllowed(StackConfig stack, IEnumerable<LearnedDestination> destinations)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(destinations);
        var allowed = EgressSnapshot.From(stack).Destinations;
        return [.. destinations.Where(d => !(allowed.TryGetValue(d.Namespace, out var list) && Allows(list, d)))];
    }

    private static bool Allows(IReadOnlyList<string> allowed, LearnedDestination d)
    {
        var suffix = string.Create(CultureInfo.InvariantCulture, $":{d.Port}/{d.Protocol.Name()}");
        return allowed.Any(a => a.EndsWith(suffix, StringComparison.Ordinal)
            && a[..^suffix.Length] is var target
            && (target == d.Target
                || (d.Host is not null && target.StartsWith("*.", StringComparison.Ordinal) && DestinationMatcher.MatchHost(target, d.Host) is not null)
                || (d.Address is not null && System.Net.IPAddress.TryParse(d.Address, out var ip) && target.Contains('/', StringComparison.Ordinal) && DestinationMatcher.ContainsAddress(target, ip))));
    }

    /// <summary>The stack's config with the learned services appended and their namespaces governed.</summary>
    public static MappingNode Merge(MappingNode projectConfig, IReadOnlyList<LearnedService> services, string owner)
    {
        ArgumentNullException.ThrowIfNull(projectConfig);
        ArgumentNullException.ThrowIfNull(services);
        if (projectConfig["egress"] is not MappingNode egress)
        {
            return projectConfig;
        }

        var entries = egress.Entries.ToList();
        Append(entries, "services", services.Select(s => (ConfigNode)FragmentProposal.Item(s, owner)).ToList());
        var governed = (egress["namespaces"] as SequenceNode)?.Items.OfType<ScalarNode>().Select(n => n.Text).ToHashSet(StringComparer.Ordinal) ?? [];
        Append(entries, "namespaces", services.SelectMany(s => s.Namespaces).Distinct(StringComparer.Ordinal).Where(n => !governed.Contains(n)).Order(StringComparer.Ordinal).Select(n => (ConfigNode)new ScalarNode(n, ScalarKind.String)).ToList());
        var merged = new MappingNode(entries, egress.Location);
        return new MappingNode([.. projectConfig.Entries.Select(e => e.Key.Text == "egress" ? new KeyValuePair<ScalarNode, ConfigNode>(e.Key, merged) : e)], projectConfig.Location);
    }

    private static void Append(List<KeyValuePair<ScalarNode, ConfigNode>> entries, string key, List<ConfigNode> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        var index = entries.FindIndex(e => e.Key.Text == key);
        if (index < 0)
        {
            entries.Add(new(new ScalarNode(key, ScalarKind.String), new SequenceNode(items)));
            return;
        }

        var (name, value) = entries[index];
        entries[index] = new(name, new SequenceNode([.. value is SequenceNode seq ? seq.Items : [], .. items], value.Location));
    }
}
