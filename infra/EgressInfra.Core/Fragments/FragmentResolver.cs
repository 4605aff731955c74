using EgressInfra.Core.Config.Binding;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Fragments;

/// <summary>The stack's config with its fragments' services and presets appended, and what was found on the way.</summary>
public sealed record IncludeResult(MappingNode ProjectConfig, IReadOnlyList<Diagnostic> Problems, IReadOnlyList<Fragment> Fragments)
{
    /// <summary>Merged item paths (<c>egress.services[5]</c>) to the paths their fragments wrote (<c>services[0]</c>).</summary>
    public IReadOnlyDictionary<string, string> PathRewrites { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// Reads the fragments a stack lists under <c>egress.include</c> and appends their services and presets
/// to the stack's own, each item keeping the file and line it was written at, so that every later
/// finding points into the fragment. A fragment holds <c>owner</c>, <c>services</c> and <c>presets</c>
/// only: stack-wide settings stay in the stack file, where the platform team reviews them.
/// </summary>
public static class FragmentResolver
{
    public const string IncludeKey = "include";

    public static readonly IReadOnlyList<string> FragmentKeys = ["owner", "services", "presets"];

    /// <summary>Keys that shape the whole stack (or another team's view of it), named by EGR603 rather than EGR003.</summary>
    private static readonly HashSet<string> StackWideKeys = new(
        [.. StackConfigBinder.RootKeys, .. StackConfigBinder.EgressKeys, "mode", "gateway", "networkPolicy", "waivers", "rules", "egress", "environment"],
        StringComparer.Ordinal);

    /// <summary>Resolves a stack file read by <see cref="StackFile"/>; the fragments' problems join the file's.</summary>
    public static StackDocument Resolve(StackDocument document, IProjectFiles? files)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.ProjectConfig is null)
        {
            return document;
        }

        var result = Resolve(document.ProjectConfig, files);
        return document with
        {
            ProjectConfig = result.ProjectConfig,
            Problems = [.. document.Problems, .. result.Problems],
            Fragments = result.Fragments,
            PathRewrites = result.PathRewrites,
        };
    }

    /// <param name="locator">The stack file's tree when <paramref name="projectConfig"/> has no positions (Pulumi's JSON).</param>
    public static IncludeResult Resolve(MappingNode projectConfig, IProjectFiles? files, MappingNode? locator = null)
    {
        ArgumentNullException.ThrowIfNull(projectConfig);
        var loaded = Load(projectConfig, files, locator);
        return loaded is null
            ? new IncludeResult(projectConfig, [], [])
            : new IncludeResult(Apply(projectConfig, loaded), loaded.Problems, loaded.Fragments) { PathRewrites = PathRewrites(projectConfig, loaded) };
    }

    /// <summary>Appends already loaded fragments to another tree of the same config (the stack file beside Pulumi's JSON).</summary>
    public static MappingNode Apply(MappingNode projectConfig, LoadedFragments loaded)
    {
        ArgumentNullException.ThrowIfNull(projectConfig);
        ArgumentNullException.ThrowIfNull(loaded);
        if (projectConfig["egress"] is not MappingNode egress)
        {
            return projectConfig;
        }

        var entries = egress.Entries.ToList();
        Append(entries, "services", loaded.Services);
        Append(entries, "presets", loaded.Presets);
        var merged = new MappingNode(entries, egress.Location);
        return new MappingNode([.. projectConfig.Entries.Select(e => e.Key.Text == "egress" ? new KeyValuePair<ScalarNode, ConfigNode>(e.Key, merged) : e)], projectConfig.Location);
    }

    /// <summary>The fragments named by the stack's include patterns, validated; null when the stack includes nothing.</summary>
    public static LoadedFragments? Load(MappingNode projectConfig, IProjectFiles? files, MappingNode? locator = null)
    {
        ArgumentNullException.ThrowIfNull(projectConfig);
        if ((projectConfig["egress"] as MappingNode)?[IncludeKey] is not SequenceNode include)
        {
            return null;
        }

        var loader = new Loader(files, StackNames(projectConfig, locator ?? projectConfig, "services"), StackNames(projectConfig, locator ?? projectConfig, "presets"));
        for (var i = 0; i < include.Items.Count; i++)
        {
            if (include.Items[i] is ScalarNode { Kind: ScalarKind.String } pattern)
            {
                loader.Include(pattern.Text, ConfigPath.Index("egress.include", i), pattern.Location);
            }
        }

        return loader.Result();
    }

    /// <summary>Where each appended item lands in the merged tree, mapped to the path its fragment wrote.</summary>
    public static IReadOnlyDictionary<string, string> PathRewrites(MappingNode projectConfig, LoadedFragments loaded)
    {
        ArgumentNullException.ThrowIfNull(projectConfig);
        ArgumentNullException.ThrowIfNull(loaded);
        var egress = projectConfig["egress"] as MappingNode;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, origins) in new[] { ("services", loaded.ServiceOrigins), ("presets", loaded.PresetOrigins) })
        {
            var own = (egress?[key] as SequenceNode)?.Items.Count ?? 0;
            for (var i = 0; i < origins.Count; i++)
            {
                map[ConfigPath.Index($"egress.{key}", own + i)] = origins[i];
            }
        }

        return map;
    }

    /// <summary>The diagnostic with its path as the fragment wrote it, when it concerns an item from a fragment.</summary>
    public static Diagnostic Rewrite(Diagnostic diagnostic, IReadOnlyDictionary<string, string> rewrites)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        ArgumentNullException.ThrowIfNull(rewrites);
        if (rewrites.Count == 0 || !diagnostic.Path.StartsWith("egress.", StringComparison.Ordinal))
        {
            return diagnostic;
        }

        var close = diagnostic.Path.IndexOf(']', StringComparison.Ordinal);
        return close > 0 && rewrites.TryGetValue(diagnostic.Path[..(close + 1)], out var origin)
            ? diagnostic with { Path = origin + diagnostic.Path[(close + 1)..] }
            : diagnostic;
    }

    private static void Append(List<KeyValuePair<ScalarNode, ConfigNode>> entries, string key, IReadOnlyList<ConfigNode> items)
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
        var own = value is SequenceNode seq ? seq.Items : [];
        entries[index] = new(name, new SequenceNode([.. own, .. items], value.Location));
    }

    /// <summary>The names the stack file itself defines, with where, so that a fragment's duplicate can name both places.</summary>
    private static Dictionary<string, string> StackNames(MappingNode projectConfig, MappingNode locator, string key)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if ((projectConfig["egress"] as MappingNode)?[key] is not SequenceNode seq)
        {
            return names;
        }

        for (var i = 0; i < seq.Items.Count; i++)
        {
            var path = ConfigPath.Index($"egress.{key}", i);
            if (ItemName(seq.Items[i]) is { } name && !names.ContainsKey(name))
            {
                var at = ConfigPath.LocateSource(locator, $"{path}{(seq.Items[i] is MappingNode ? ".name" : string.Empty)}");
                names[name] = at is null ? path : $"{path} ({at.File}:{at.Line})";
            }
        }

        return names;
    }

    internal static string? ItemName(ConfigNode item) => item switch
    {
        MappingNode map => (map["name"] as ScalarNode)?.Text,
        ScalarNode { Kind: ScalarKind.String } s => s.Text,
        _ => null,
    };

    internal static bool IsStackWide(string key) => StackWideKeys.Contains(key) && !FragmentKeys.Contains(key);
}
