using EgressInfra.Core.Config.Binding;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Manifests.Reading;

/// <summary>What a document turned out to be.</summary>
public enum ManifestKind
{
    /// <summary>Not an object kubectl could send: not a mapping, no apiVersion or kind, or an Istio type that does not exist.</summary>
    Invalid,
    ServiceEntry,
    Sidecar,

    /// <summary>Any other kind (VirtualService, Deployment, ...): not read further.</summary>
    Other,
}

/// <param name="Kind">What the document is.</param>
/// <param name="KindName">The kind as written, when there is one.</param>
/// <param name="Resource">How findings name the object, as written: <c>ServiceEntry payments/stripe</c>.</param>
/// <param name="Object">The ServiceEntry or Sidecar, when Istio could decode it.</param>
public sealed record ManifestRead(ManifestKind Kind, string? KindName, string? Resource, IKubernetesObject? Object, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Sorts one YAML document by apiVersion and kind, the way kubectl finds the resource type, and hands
/// ServiceEntries and Sidecars to their strict readers.
/// </summary>
public static class ManifestReader
{
    public static IReadOnlyList<string> ServedVersions { get; } = ["v1", "v1beta1", "v1alpha3"];

    /// <summary>Every kind Istio serves in networking.istio.io, to tell a typo from a kind EgressInfra does not read.</summary>
    public static IReadOnlyList<string> NetworkingKinds { get; } =
    [
        "DestinationRule", "EnvoyFilter", "Gateway", "ProxyConfig", ServiceEntry.KindName, Sidecar.KindName,
        "VirtualService", "WorkloadEntry", "WorkloadGroup",
    ];

    public static ManifestRead Read(ConfigNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (root is not MappingNode map)
        {
            var problem = ManifestCodes.NotAnObject.Create(string.Empty, $"the document is {root.Describe()}, not a Kubernetes object") with { Location = root.Location };
            return new ManifestRead(ManifestKind.Invalid, null, null, null, [problem]);
        }

        var apiVersion = TypeField(map, "apiVersion", out var apiProblem);
        var kind = TypeField(map, "kind", out var kindProblem);
        var resource = kind is null ? null : Display(kind, map);
        if (apiVersion is null || kind is null)
        {
            Diagnostic[] problems = [.. new[] { apiProblem, kindProblem }.OfType<Diagnostic>().Select(d => d with { Resource = resource })];
            return new ManifestRead(ManifestKind.Invalid, kind, resource, null, problems);
        }

        var slash = apiVersion.LastIndexOf('/');
        var group = slash < 0 ? string.Empty : apiVersion[..slash];
        var version = apiVersion[(slash + 1)..];
        var modelled = kind is ServiceEntry.KindName or Sidecar.KindName;

        if (group == ServiceEntry.Group)
        {
            if (!NetworkingKinds.Contains(kind, StringComparer.Ordinal))
            {
                var suggestion = KeySuggester.Suggest(kind, NetworkingKinds);
                var hint = suggestion is null ? $"Kinds in {group}: {string.Join(", ", NetworkingKinds)}." : $"Did you mean '{suggestion}'?";
                return Unknown(map, "kind", resource, $"no matches for kind \"{kind}\" in version \"{apiVersion}\"", hint);
            }

            if (modelled && !ServedVersions.Contains(version, StringComparer.Ordinal))
            {
                return Unknown(map, "apiVersion", resource, $"no matches for kind \"{kind}\" in version \"{apiVersion}\"", $"Istio serves {kind} as {string.Join(", ", ServedVersions.Select(v => $"{group}/{v}"))}.");
            }
        }
        else if (modelled && (group.Length == 0 || KeySuggester.Suggest(group, [ServiceEntry.Group]) is not null))
        {
            // kind ServiceEntry in the core group or in a misspelt Istio group: kubectl finds no such type.
            return Unknown(map, "apiVersion", resource, $"no matches for kind \"{kind}\" in version \"{apiVersion}\"", $"Use apiVersion {ServiceEntry.V1}.");
        }

        if (group != ServiceEntry.Group || !modelled)
        {
            return new ManifestRead(ManifestKind.Other, kind, resource, null, []);
        }

        if (kind == ServiceEntry.KindName)
        {
            var read = ServiceEntryReader.Read(map, apiVersion);
            return new ManifestRead(ManifestKind.ServiceEntry, kind, resource, read.Value, WithResource(read.Diagnostics, resource));
        }

        var sidecar = SidecarReader.Read(map, apiVersion);
        return new ManifestRead(ManifestKind.Sidecar, kind, resource, sidecar.Value, WithResource(sidecar.Diagnostics, resource));
    }

    private static string? TypeField(MappingNode map, string key, out Diagnostic? problem)
    {
        problem = null;
        var node = map[key];
        if (node is ScalarNode { Kind: ScalarKind.String, Text.Length: > 0 } s)
        {
            return s.Text;
        }

        var message = node is null or ScalarNode { Kind: ScalarKind.Null }
            ? $"{key} is not set"
            : $"{key} must be a string but is {node.Describe()}";
        problem = ManifestCodes.MissingTypeInfo.Create(key, message) with { Location = (node ?? map).Location };
        return null;
    }

    /// <param name="field">The field to point at: kind for a kind the group lacks, apiVersion for a version it does not serve.</param>
    private static ManifestRead Unknown(MappingNode map, string field, string? resource, string message, string hint)
    {
        var at = map[field] ?? map;
        var problem = ManifestCodes.UnknownResourceType.Create(field, message, hint, resource: resource) with { Location = at.Location };
        return new ManifestRead(ManifestKind.Invalid, (map["kind"] as ScalarNode)?.Text, resource, null, [problem]);
    }

    private static Diagnostic[] WithResource(IEnumerable<Diagnostic> diagnostics, string? resource) =>
        [.. diagnostics.Select(d => d with { Resource = d.Resource ?? resource })];

    /// <summary>The object's name as written; the namespace is left out when the file leaves it out.</summary>
    private static string Display(string kind, MappingNode map)
    {
        var metadata = map["metadata"] as MappingNode;
        var name = metadata?["name"] is ScalarNode { Kind: ScalarKind.String, Text.Length: > 0 } n ? n.Text : "(unnamed)";
        var ns = metadata?["namespace"] is ScalarNode { Kind: ScalarKind.String, Text.Length: > 0 } s ? s.Text : null;
        return ns is null ? $"{kind} {name}" : $"{kind} {ns}/{name}";
    }
}
