using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Sources;

/// <summary>What EgressInfra needs from <c>Pulumi.yaml</c>: the project name (the config namespace) and declared defaults.</summary>
public sealed record ProjectFile(string Name, MappingNode Defaults, IReadOnlyList<Diagnostic> Problems)
{
    public static ProjectFile Default { get; } = new(StackFile.DefaultProjectName, new MappingNode([]), []);

    public static ProjectFile Parse(string text, string file)
    {
        var doc = YamlTreeReader.ReadSingle(text, file);
        if (doc.Root is not MappingNode root)
        {
            var problem = doc.Problems.Count > 0
                ? doc.Problems
                : [ConfigCodes.NotAMapping.Create(string.Empty, "Pulumi.yaml is not a mapping") with { Location = new SourceLocation(file, 1, 1) }];
            return Default with { Problems = problem };
        }

        var name = (root["name"] as ScalarNode)?.Text is { Length: > 0 } n ? n : StackFile.DefaultProjectName;
        var defaults = new List<KeyValuePair<ScalarNode, ConfigNode>>();
        if (root["config"] is MappingNode config)
        {
            foreach (var (key, value) in config.Entries)
            {
                // A declared key is either a bare value or { type, description, default }.
                var local = key.Text.StartsWith(name + ":", StringComparison.Ordinal) ? key.Text[(name.Length + 1)..] : key.Text;
                if (local.Contains(':', StringComparison.Ordinal))
                {
                    continue;
                }

                var defaultValue = value is MappingNode declared ? declared["default"] : value;
                if (defaultValue is not null)
                {
                    defaults.Add(new(new ScalarNode(local, ScalarKind.String, key.Location), defaultValue));
                }
            }
        }

        return new ProjectFile(name, new MappingNode(defaults), doc.Problems);
    }
}
