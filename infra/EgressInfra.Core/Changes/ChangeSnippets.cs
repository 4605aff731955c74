using System.Text;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Changes;

/// <summary>
/// Shows an edit the two ways a person applies it: as the YAML to paste into the stack file, and as
/// <c>pulumi config set --path</c> commands, one per value.
/// </summary>
public static class ChangeSnippets
{
    /// <summary>The edited value as YAML: a list item (<c>- orders</c>) or a key (<c>protocol: TLS</c>).</summary>
    public static string Yaml(ConfigEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var segments = ConfigPath.Parse(edit.Path) ?? [];
        var last = segments.Count == 0 ? null : segments[^1];
        ConfigNode wrapped = last is string key
            ? new MappingNode([new(new ScalarNode(key, ScalarKind.String), edit.Value)])
            : new SequenceNode([edit.Value]);
        return YamlWriter.Write(wrapped);
    }

    /// <summary>
    /// One <c>pulumi config set --path</c> per scalar in the edited value, in document order; none for
    /// an edit of a fragment file, which is not Pulumi config.
    /// </summary>
    public static IReadOnlyList<string> PulumiCommands(ConfigEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (edit.File is not null)
        {
            return [];
        }

        var commands = new List<string>();
        Flatten(edit.Path, edit.Value, commands);
        return commands;
    }

    private static void Flatten(string path, ConfigNode node, List<string> commands)
    {
        switch (node)
        {
            case MappingNode map:
                foreach (var (key, value) in map.Entries)
                {
                    Flatten(ConfigPath.Child(path, key.Text), value, commands);
                }

                break;
            case SequenceNode seq:
                for (var i = 0; i < seq.Items.Count; i++)
                {
                    Flatten(ConfigPath.Index(path, i), seq.Items[i], commands);
                }

                break;
            case ScalarNode scalar:
                var type = scalar.Kind switch
                {
                    ScalarKind.Integer => " --type int",
                    ScalarKind.Boolean => " --type bool",
                    _ => string.Empty,
                };
                commands.Add($"pulumi config set --path {ShellQuote(path)} {ShellQuote(scalar.Text)}{type}");
                break;
        }
    }

    /// <summary>Single-quotes a word for POSIX shells unless it is plainly safe.</summary>
    public static string ShellQuote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/' or ':' or '@' or '+' or '='))
        {
            return word;
        }

        var sb = new StringBuilder("'");
        foreach (var c in word)
        {
            sb.Append(c == '\'' ? "'\\''" : c.ToString());
        }

        return sb.Append('\'').ToString();
    }
}
