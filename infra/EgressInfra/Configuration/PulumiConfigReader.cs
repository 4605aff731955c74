using System.Text.Json;
using EgressInfra.Core.Config.Binding;
using EgressInfra.Core.Sources;
using Pulumi;

namespace EgressInfra.Configuration;

/// <summary>
/// Builds the project's config tree, the one the Core's binder reads, from Pulumi's config. Every root
/// key the binder knows is read, so keys added to the Core flow through without a change here; keys
/// written in the stack file but unknown to the binder are read too, so that a misspelt key is
/// reported with a suggestion instead of being silently ignored.
/// </summary>
internal static class PulumiConfigReader
{
    /// <summary>Keys that are plain text by definition; their value is never parsed as JSON.</summary>
    private static readonly HashSet<string> TextKeys =
        new(["environment", "profile", "context", "renderYamlToDirectory"], StringComparer.Ordinal);

    /// <summary>Declared <c>secret: true</c> in Pulumi.yaml: it may hold cluster credentials.</summary>
    public const string KubeconfigKey = "kubeconfig";

    /// <summary>What the Core sees in place of a kubeconfig: only that one is set, never its text.</summary>
    public const string RedactedKubeconfig = "[secret]";

    public static MappingNode Read(Config config, MappingNode? stackFile)
    {
        ArgumentNullException.ThrowIfNull(config);
        var keys = StackConfigBinder.RootKeys
            .Concat(stackFile?.Entries.Select(e => e.Key.Text) ?? [])
            .Distinct(StringComparer.Ordinal);

        var entries = new List<KeyValuePair<ScalarNode, ConfigNode>>();
        foreach (var key in keys)
        {
            var value = key == KubeconfigKey ? Redacted(config)
                : TextKeys.Contains(key) ? Text(config, key)
                : Structured(config, key);
            if (value is not null)
            {
                entries.Add(new(new ScalarNode(key, ScalarKind.String), value));
            }
        }

        return new MappingNode(entries);
    }

    /// <summary>
    /// The kubeconfig, read as a secret so it stays one all the way to the provider; blank (Pulumi.yaml's
    /// default) means not set.
    /// </summary>
    public static Output<string>? Kubeconfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.GetSecret(KubeconfigKey) is { } secret && !IsBlankSecret(config) ? secret : null;
    }

    private static ScalarNode? Redacted(Config config) =>
        config.GetSecret(KubeconfigKey) is not null && !IsBlankSecret(config) ? new ScalarNode(RedactedKubeconfig, ScalarKind.String) : null;

    // Whether a value is present at all is not secret; only its text is. Config.Get reads the same
    // value without wrapping it, and it never leaves this method.
    private static bool IsBlankSecret(Config config) => string.IsNullOrWhiteSpace(config.Get(KubeconfigKey));

    private static ScalarNode? Text(Config config, string key) =>
        config.Get(key) is { } text ? new ScalarNode(text, ScalarKind.String) : null;

    /// <summary>
    /// Pulumi passes an object or list as JSON text and a scalar as its plain text. Text that is not
    /// JSON becomes a string, so that <c>egress: hello</c> gets the binder's "expected a mapping"
    /// diagnostic rather than a JSON exception.
    /// </summary>
    private static ConfigNode? Structured(Config config, string key)
    {
        if (config.Get(key) is not { } text)
        {
            return null;
        }

        try
        {
            return JsonTreeReader.Parse(text);
        }
        catch (JsonException)
        {
            return new ScalarNode(text, ScalarKind.String);
        }
    }
}
