using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Lint;

/// <summary>
/// Finds documents that name the same object (API group, kind, namespace and name). kubectl applies
/// them in order, so the cluster keeps only the last copy: rules across objects (two Sidecars of one
/// namespace) must count it once, and the earlier copies are reported as replaced. A folder holding
/// one object in several API versions, or a base and an overlay copy, is the usual cause.
/// </summary>
public static class RepeatedObjects
{
    /// <summary>One linted object: its identity and where its name is written.</summary>
    public sealed record Entry(string Group, string Kind, string Namespace, string Name, MappingNode Root, string? Resource);

    /// <summary>True for every entry that a later entry with the same identity replaces.</summary>
    public static bool[] Replaced(IReadOnlyList<Entry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var replaced = new bool[entries.Count];
        var seen = new HashSet<(string, string, string, string)>();
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            var e = entries[i];
            if (e.Name.Length > 0 && !seen.Add((e.Group, e.Kind, e.Namespace, e.Name)))
            {
                replaced[i] = true;
            }
        }

        return replaced;
    }

    /// <summary>A warning on each replaced copy, naming where the copy that replaces it is.</summary>
    public static IEnumerable<Diagnostic> Find(IReadOnlyList<Entry> entries)
    {
        var replaced = Replaced(entries);
        for (var i = 0; i < entries.Count; i++)
        {
            if (!replaced[i])
            {
                continue;
            }

            var e = entries[i];
            var next = entries.Skip(i + 1).First(o => (o.Group, o.Kind, o.Namespace, o.Name) == (e.Group, e.Kind, e.Namespace, e.Name));
            var where = ConfigPath.LocateSource(next.Root, "metadata.name") is { } at ? $" at {at}" : string.Empty;
            yield return DecodingCodes.ObjectRepeated.Create(
                "metadata.name",
                $"{e.Kind} {e.Namespace}/{e.Name} appears again{where}; applying the files in order leaves only that later copy in the cluster") with
            {
                Location = ConfigPath.LocateSource(e.Root, "metadata.name"),
                Resource = e.Resource,
            };
        }
    }
}
