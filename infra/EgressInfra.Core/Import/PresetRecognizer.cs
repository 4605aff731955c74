using System.Text.RegularExpressions;
using EgressInfra.Core.Collections;
using EgressInfra.Core.Config;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Presets;

namespace EgressInfra.Core.Import;

/// <summary>A preset recognised among the imported services, with what the stack adds to it.</summary>
internal sealed record ImportedPreset(string Name, string? Region, IReadOnlyList<string> Namespaces, string? Owner, string? Reason);

/// <summary>
/// Finds catalog presets among imported services: a preset is recognised when every service it expands
/// to is granted, exactly (hosts, addresses, ports, resolution), by one imported service, all of them to
/// the same namespaces. Those services are then listed as the preset instead.
/// </summary>
internal static class PresetRecognizer
{
    public static List<ImportedPreset> Recognize(List<ImportedService> services, SortedSet<string> governed)
    {
        var found = new List<ImportedPreset>();
        foreach (var preset in PresetCatalog.Shipped.Presets.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            foreach (var region in Regions(preset, services))
            {
                var reference = new PresetReference(preset.Name, ValueList<string>.Empty, null, null, region, string.Empty);
                var expanded = PresetExpander.Expand(preset, reference, [.. governed]).ToList();
                var matched = expanded
                    .Select(s => services.FirstOrDefault(g => g.Key == Grants.Key(ManifestBuilder.BuildServiceEntry(s, "import").Spec)))
                    .ToList();
                if (matched.Any(m => m is null) || matched.Distinct().Count() != expanded.Count)
                {
                    continue;
                }

                var namespaces = matched[0]!.Namespaces;
                if (!matched.All(m => m!.Namespaces.SetEquals(namespaces)))
                {
                    continue;
                }

                found.Add(new ImportedPreset(preset.Name, region, [.. namespaces], matched[0]!.Owner, matched[0]!.Reason));
                services.RemoveAll(s => matched.Contains(s));
            }
        }

        return found;
    }

    /// <summary>The regions the imported hosts name for a preset whose hosts hold <c>{region}</c>; a single null otherwise.</summary>
    private static List<string?> Regions(Preset preset, List<ImportedService> services)
    {
        if (!preset.NeedsRegion)
        {
            return [null];
        }

        var patterns = preset.Services.SelectMany(s => s.Hosts)
            .Where(h => h.Contains(Preset.RegionPlaceholder, StringComparison.Ordinal))
            .Select(h => new Regex("^" + Regex.Escape(h).Replace(@"\{region}", "([a-z0-9-]+)", StringComparison.Ordinal) + @"\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            .ToList();
        return services.SelectMany(s => s.Spec.Hosts)
            .SelectMany(h => patterns.Select(p => p.Match(h)).Where(m => m.Success).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(r => (string?)r)
            .ToList();
    }
}
