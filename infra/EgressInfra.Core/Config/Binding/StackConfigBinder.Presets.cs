using System.Text.RegularExpressions;
using EgressInfra.Core.Collections;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Presets;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Config.Binding;

public static partial class StackConfigBinder
{
    public static readonly IReadOnlyList<string> PresetKeys = ["name", "namespaces", "owner", "reason", "region"];

    /// <summary>A cloud region id as it appears in host names: <c>eu-west-1</c>, <c>us-gov-west-1</c>.</summary>
    public const string RegionPattern = "^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$";

    /// <summary>
    /// Binds <c>egress.presets</c>: each item is a preset name, or a mapping with the name and what the
    /// stack adds (namespaces, owner, reason, region). Each becomes a <see cref="PresetReference"/> and
    /// is expanded into <paramref name="services"/>, whose names must stay unique.
    /// </summary>
    private static ValueList<PresetReference> BindPresets(
        NodeReader reader,
        ConfigNode? node,
        IReadOnlyList<string> governed,
        List<ExternalService> services,
        Dictionary<string, string> names)
    {
        var catalog = PresetCatalog.Shipped;
        var references = new List<PresetReference>();
        foreach (var (item, path) in reader.List(node, "egress.presets"))
        {
            var reference = BindPresetReference(reader, item, path, governed);
            if (reference is null)
            {
                continue;
            }

            var namePath = item is MappingNode ? $"{path}.name" : path;
            var nameNode = item is MappingNode map ? map["name"] : item;
            var preset = catalog.Find(reference.Name);
            if (preset is null)
            {
                var suggestion = KeySuggester.Suggest(reference.Name, catalog.Presets.Select(p => p.Name));
                var known = string.Join(", ", catalog.Presets.Select(p => p.Name));
                reader.Report(
                    PolicyCodes.UnknownPreset.Create(namePath, $"'{reference.Name}' is not a preset", suggestion is null ? $"Presets: {known}." : $"Did you mean '{suggestion}'? Presets: {known}."));
                continue;
            }

            if (references.FirstOrDefault(r => r.Name == reference.Name) is { } first)
            {
                reader.Report(ConfigCodes.DuplicateName.Create(namePath, $"the preset '{reference.Name}' is already listed at {first.SourcePath}", "List each preset once; give it every namespace that uses it."));
                continue;
            }

            if (!CheckRegion(reader, preset, reference, item, path))
            {
                continue;
            }

            references.Add(reference);
            foreach (var service in PresetExpander.Expand(preset, reference, governed))
            {
                if (names.TryGetValue(service.Name, out var firstPath))
                {
                    reader.Report(ConfigCodes.DuplicateName.Create(path, $"the preset '{preset.Name}' makes a service named '{service.Name}', which {firstPath} already uses", "Rename the hand-written service."));
                    continue;
                }

                names.Add(service.Name, path);
                services.Add(service);
            }
        }

        return references.ToValueList();
    }

    private static PresetReference? BindPresetReference(NodeReader reader, ConfigNode item, string path, IReadOnlyList<string> governed)
    {
        if (item is not MappingNode map)
        {
            var bare = reader.String(item, path, required: true);
            return bare is null ? null : new PresetReference(bare, ValueList<string>.Empty, null, null, null, path);
        }

        reader.KnownKeys(map, path, PresetKeys);
        var name = reader.String(map["name"], $"{path}.name", required: true);
        var namespaces = map["namespaces"] is null
            ? []
            : BindServiceNamespaces(reader, map["namespaces"], $"{path}.namespaces", governed);
        var owner = reader.String(map["owner"], $"{path}.owner");
        var reason = reader.String(map["reason"], $"{path}.reason");
        var region = reader.String(map["region"], $"{path}.region");
        return name is null ? null : new PresetReference(name, namespaces.ToValueList(), owner, reason, region, path);
    }

    private static bool CheckRegion(NodeReader reader, Preset preset, PresetReference reference, ConfigNode item, string path)
    {
        if (preset.NeedsRegion && reference.Region is null)
        {
            reader.Report(PolicyCodes.PresetRegion.Create(path, $"the preset '{preset.Name}' needs a region: its hosts name one", $"List it as {{ name: {preset.Name}, region: eu-west-1 }}."));
            return false;
        }

        if (!preset.NeedsRegion && reference.Region is not null)
        {
            reader.Report(PolicyCodes.PresetRegion.Create($"{path}.region", $"the preset '{preset.Name}' takes no region", "Remove region."));
            return false;
        }

        if (reference.Region is { } region && !RegionName().IsMatch(region))
        {
            reader.Report(PolicyCodes.PresetRegion.Create($"{path}.region", $"'{region}' is not a region name", "Write the provider's region id, e.g. eu-west-1 or us-east-2."));
            return false;
        }

        return true;
    }

    [GeneratedRegex(RegionPattern)]
    private static partial Regex RegionName();
}
