using EgressInfra.Core.Config.Binding;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Fragments;

/// <summary>Reads each included file once, checks it is a fragment, and collects its items with their owner filled in.</summary>
internal sealed class Loader(IProjectFiles? files, Dictionary<string, string> serviceNames, Dictionary<string, string> presetNames)
{
    private readonly List<ConfigNode> _services = [];
    private readonly List<ConfigNode> _presets = [];
    private readonly List<Fragment> _fragments = [];
    private readonly List<Diagnostic> _problems = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    private readonly List<string> _serviceOrigins = [];
    private readonly List<string> _presetOrigins = [];

    public LoadedFragments Result() => new(_services, _presets, _fragments, _problems) { ServiceOrigins = _serviceOrigins, PresetOrigins = _presetOrigins };

    public void Include(string text, string path, SourceLocation? location)
    {
        var pattern = IncludePattern.Parse(text, out var error);
        if (pattern is null)
        {
            _problems.Add(AdoptionCodes.IncludeOutsideProject.Create(path, error!) with { Location = location });
            return;
        }

        if (files is null)
        {
            _problems.Add(AdoptionCodes.FragmentUnreadable.Create(path, $"cannot read '{text}': the project directory (the folder holding Pulumi.yaml) is not known") with { Location = location });
            return;
        }

        if (pattern.LiteralPath is { } literal)
        {
            var read = files.Read(literal);
            if (read.IsMissing)
            {
                _problems.Add(AdoptionCodes.IncludeNoMatch.Create(path, $"'{text}' matches no file in the project directory") with { Location = location });
            }
            else if (_seen.Add(literal))
            {
                ReadFragment(literal, read, path, location);
            }

            return;
        }

        var matched = files.FilesUnder(pattern.BaseDirectory).Where(pattern.Matches).Order(StringComparer.Ordinal).ToList();
        if (matched.Count == 0)
        {
            _problems.Add(AdoptionCodes.IncludeNoMatch.Create(path, $"'{text}' matches no file in the project directory") with { Location = location });
            return;
        }

        foreach (var file in matched.Where(_seen.Add))
        {
            ReadFragment(file, files.Read(file), path, location);
        }
    }

    private void ReadFragment(string file, ProjectFileRead read, string includePath, SourceLocation? includeLocation)
    {
        var display = files!.Display(file);
        if (read.Text is null)
        {
            _problems.Add(AdoptionCodes.FragmentUnreadable.Create(includePath, $"cannot read {display}: {read.Error}") with { Location = includeLocation });
            return;
        }

        var doc = YamlTreeReader.ReadSingle(read.Text, display);
        _problems.AddRange(doc.Problems.Select(p => p with { Location = p.Location ?? new SourceLocation(display, 1, 1) }));
        if (doc.Problems.Any(p => p.IsError))
        {
            return;
        }

        if (doc.Root is not MappingNode root)
        {
            var what = doc.Root?.Describe() ?? "nothing";
            _problems.Add(AdoptionCodes.FragmentUnreadable.Create(string.Empty, $"{display} holds {what}; a fragment is a mapping with owner, services and presets") with { Location = doc.Root?.Location ?? new SourceLocation(display, 1, 1) });
            return;
        }

        foreach (var (key, _) in root.Entries)
        {
            if (FragmentResolver.FragmentKeys.Contains(key.Text))
            {
                continue;
            }

            _problems.Add(FragmentResolver.IsStackWide(key.Text)
                ? AdoptionCodes.FragmentStackSetting.Create(key.Text, $"'{key.Text}' is a stack-wide setting; a fragment may only hold owner, services and presets") with { Location = key.Location }
                : ConfigCodes.UnknownKey.Create(key.Text, $"unknown key '{key.Text}' in a fragment", KeySuggester.Suggest(key.Text, FragmentResolver.FragmentKeys) is { } s ? $"Did you mean '{s}'?" : "A fragment holds owner, services and presets.") with { Location = key.Location });
        }

        var ownerNode = root["owner"] as ScalarNode;
        var owner = ownerNode is { Kind: not ScalarKind.Null } && ownerNode.Text.Trim().Length > 0 ? ownerNode.Text.Trim() : null;
        if (owner is null)
        {
            var at = root.Entries.FirstOrDefault(e => e.Key.Text == "owner").Key?.Location ?? root.Location ?? new SourceLocation(display, 1, 1);
            _problems.Add(AdoptionCodes.FragmentOwnerMissing.Create("owner", $"{display} names no owner; every fragment belongs to one team") with { Location = at });
        }

        var services = Items(root, "services", display).Select(i => Adopt(i.Node, i.Path, display, owner, ownerNode, serviceNames, "service", _services, _serviceOrigins)).OfType<string>().ToList();
        var presets = Items(root, "presets", display).Select(i => Adopt(i.Node, i.Path, display, owner, ownerNode, presetNames, "preset", _presets, _presetOrigins)).OfType<string>().ToList();
        _fragments.Add(new Fragment(file, display, owner, ownerNode?.Location, services, presets));
    }

    private IEnumerable<(ConfigNode Node, string Path)> Items(MappingNode root, string key, string display)
    {
        switch (root[key])
        {
            case SequenceNode seq:
                return seq.Items.Select((item, i) => (item, ConfigPath.Index(key, i)));
            case null or ScalarNode { Kind: ScalarKind.Null }:
                return [];
            case var other:
                _problems.Add(ConfigCodes.WrongType.Create(key, $"'{key}' in {display} must be a list but is {other.Describe()}") with { Location = other.Location });
                return [];
        }
    }

    /// <summary>Checks one item's name and owner, fills the owner in, and keeps it; returns its name when kept.</summary>
    private string? Adopt(ConfigNode item, string path, string display, string? owner, ScalarNode? ownerNode, Dictionary<string, string> names, string what, List<ConfigNode> into, List<string> origins)
    {
        var name = FragmentResolver.ItemName(item);
        var map = item as MappingNode;
        if (map?["owner"] is ScalarNode { Kind: not ScalarKind.Null } own && owner is not null && own.Text.Trim() != owner)
        {
            _problems.Add(AdoptionCodes.FragmentOwnerConflict.Create($"{path}.owner", $"the {what} '{name}' names owner '{own.Text}', but {display} belongs to '{owner}'") with { Location = own.Location });
        }

        if (name is not null)
        {
            var here = item is MappingNode m ? (m["name"]?.Location ?? item.Location) : item.Location;
            var hereText = here is null ? $"{display} {path}" : $"{here.File}:{here.Line}";
            if (names.TryGetValue(name, out var first))
            {
                _problems.Add(AdoptionCodes.DefinedTwice.Create($"{path}{(map is null ? string.Empty : ".name")}", $"the {what} '{name}' is defined twice: at {first} and at {hereText}") with { Location = here });
                return null;
            }

            names[name] = hereText;
        }

        into.Add(WithOwner(item, ownerNode));
        origins.Add(path);
        return name;
    }

    /// <summary>The item with the fragment's owner where it names none; a bare preset name becomes <c>{ name, owner }</c>.</summary>
    private static ConfigNode WithOwner(ConfigNode item, ScalarNode? ownerNode)
    {
        if (ownerNode is null || ownerNode.Kind == ScalarKind.Null)
        {
            return item;
        }

        var inherited = new KeyValuePair<ScalarNode, ConfigNode>(new ScalarNode("owner", ScalarKind.String, ownerNode.Location), new ScalarNode(ownerNode.Text.Trim(), ScalarKind.String, ownerNode.Location));
        return item switch
        {
            MappingNode map when map["owner"] is null or ScalarNode { Kind: ScalarKind.Null } =>
                new MappingNode([.. map.Entries.Where(e => e.Key.Text != "owner"), inherited], map.Location),
            ScalarNode { Kind: ScalarKind.String } bare =>
                new MappingNode([new(new ScalarNode("name", ScalarKind.String, bare.Location), bare), inherited], bare.Location),
            _ => item,
        };
    }
}
