using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Sources;

/// <summary>The project's keys of one stack file, with the namespace prefix removed, and the problems found reading them.</summary>
public sealed record StackDocument(MappingNode? ProjectConfig, IReadOnlyList<Diagnostic> Problems, string File)
{
    /// <summary>True when the file could not be used at all (syntax error, not a mapping): exit code 2.</summary>
    public bool IsUnusable => ProjectConfig is null;

    /// <summary>The team-owned fragments the stack includes (egress.include), once resolved.</summary>
    public IReadOnlyList<Fragments.Fragment> Fragments { get; init; } = [];

    /// <summary>Merged paths of fragment items to the paths their fragments wrote; findings are reported at the latter.</summary>
    public IReadOnlyDictionary<string, string> PathRewrites { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// Reads a <c>Pulumi.&lt;stack&gt;.yaml</c> the way Pulumi does: the <c>config:</c> mapping, whose keys are
/// <c>namespace:key</c>. Keys of other namespaces (e.g. <c>kubernetes:context</c>) belong to other
/// packages and are ignored; keys without a namespace belong to the project.
/// </summary>
public static class StackFile
{
    public const string DefaultProjectName = "egress-infra";

    /// <summary>Rewrites a file path such as <c>config["egress-infra:egress"].services[0]</c> to the project path <c>egress.services[0]</c>.</summary>
    public static string ToProjectPath(string filePath, string projectName)
    {
        var segments = ConfigPath.Parse(filePath);
        if (segments is not { Count: >= 2 } || segments[0] is not "config" || segments[1] is not string key)
        {
            return filePath;
        }

        var local = key.StartsWith(projectName + ":", StringComparison.Ordinal) ? key[(projectName.Length + 1)..] : key;
        return ConfigPath.Format([local, .. segments.Skip(2)]);
    }

    /// <summary>
    /// The project key a config key names, as Pulumi's config.ParseKey reads it: <c>project:name</c>,
    /// the legacy <c>project:config:name</c>, or a bare <c>name</c> (the project's); null for another
    /// namespace's key.
    /// </summary>
    public static string? ProjectKey(string key, string projectName)
    {
        var prefix = projectName + ":";
        if (key.StartsWith(prefix, StringComparison.Ordinal))
        {
            var rest = key[prefix.Length..];
            return rest.StartsWith("config:", StringComparison.Ordinal) && rest.Length > "config:".Length ? rest["config:".Length..] : rest;
        }

        return key.Contains(':', StringComparison.Ordinal) ? null : key;
    }

    public static StackDocument Parse(string text, string file, string projectName = DefaultProjectName, MappingNode? projectDefaults = null)
    {
        var doc = YamlTreeReader.ReadSingle(text, file);
        if (doc.Problems.Any(p => p.Code == ConfigCodes.YamlSyntax.Code || p.Code == ConfigCodes.InputTooLarge.Code))
        {
            return new StackDocument(null, doc.Problems, file);
        }

        if (doc.Root is null || (doc.Root is ScalarNode { Kind: ScalarKind.Null }))
        {
            var empty = ConfigCodes.NoConfiguration.Create(string.Empty, "the stack file is empty") with { Location = new SourceLocation(file, 1, 1) };
            return new StackDocument(null, [.. doc.Problems, empty], file);
        }

        if (doc.Root is not MappingNode root)
        {
            var wrong = ConfigCodes.NotAMapping.Create(string.Empty, $"a stack file is a mapping with a 'config:' key, but this file holds {doc.Root.Describe()}") with { Location = doc.Root.Location };
            return new StackDocument(null, [.. doc.Problems, wrong], file);
        }

        var problems = doc.Problems.Select(p => p with { Path = ToProjectPath(p.Path, projectName) }).ToList();
        var entries = new List<KeyValuePair<ScalarNode, ConfigNode>>();
        var config = root["config"];
        if (config is MappingNode configMap)
        {
            foreach (var entry in configMap.Entries)
            {
                if (ProjectKey(entry.Key.Text, projectName) is not { } local)
                {
                    continue;
                }

                // Pulumi parses every spelling to one key; two of them in one file leave no defined winner.
                var first = entries.FindIndex(e => e.Key.Text == local);
                if (first >= 0)
                {
                    var firstKey = configMap.Entries.First(e => ProjectKey(e.Key.Text, projectName) == local).Key;
                    problems.Add(ConfigCodes.ShadowedKey.Create(
                        local,
                        $"'{entry.Key.Text}' (line {entry.Key.Location?.Line}) and '{firstKey.Text}' (line {firstKey.Location?.Line}) are the same Pulumi key, {projectName}:{local}") with { Location = entry.Key.Location });
                    continue;
                }

                entries.Add(new(new ScalarNode(local, ScalarKind.String, entry.Key.Location), entry.Value));
            }
        }
        else if (config is not null && config is not ScalarNode { Kind: ScalarKind.Null })
        {
            var key = root.Entries.First(e => e.Key.Text == "config").Key;
            problems.Add(ConfigCodes.WrongType.Create("config", $"'config' must be a mapping but is {config.Describe()}") with { Location = key.Location });
            return new StackDocument(null, problems, file);
        }

        if (projectDefaults is not null)
        {
            foreach (var entry in projectDefaults.Entries)
            {
                if (!entries.Any(e => e.Key.Text == entry.Key.Text))
                {
                    entries.Add(entry);
                }
            }
        }

        if (entries.Count == 0)
        {
            problems.Add(ConfigCodes.NoConfiguration.Create(string.Empty, $"no '{projectName}:' keys under 'config:'") with { Location = (config ?? root).Location });
            return new StackDocument(null, problems, file);
        }

        return new StackDocument(new MappingNode(entries, config?.Location), problems, file);

        
    }
}
