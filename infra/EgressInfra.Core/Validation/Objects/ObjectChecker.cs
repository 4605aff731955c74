using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests.Reading;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Validation.Objects;

/// <summary>
/// Judges one object of an enforcement kind as the cluster would: the API server's version and schema
/// checks first, then, when the object could be decoded, the admission rules. Works on any tree:
/// YAML that lint read, or a generated object rendered with ManifestTree.
/// </summary>
public static class ObjectChecker
{
    /// <param name="root">The whole document.</param>
    /// <param name="apiVersion">As written, e.g. networking.istio.io/v1.</param>
    /// <param name="defaultNamespace">The namespace an object without one is applied to.</param>
    public static IReadOnlyList<Diagnostic> Check(EnforcementKind kind, MappingNode root, string apiVersion, string defaultNamespace)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(root);
        var version = apiVersion[(apiVersion.LastIndexOf('/') + 1)..];
        if (!kind.Versions.Contains(version, StringComparer.Ordinal))
        {
            var served = string.Join(", ", kind.Versions.Select(v => $"{kind.Group}/{v}"));
            return [EnforcementKindCodes.UnservedVersion.Create("apiVersion", $"no matches for kind \"{kind.Kind}\" in version \"{apiVersion}\"", $"{kind.Kind} is served as {served}.") with { Location = (root["apiVersion"] ?? root).Location }];
        }

        var checker = new SchemaChecker();
        checker.Check(root, kind.Schema, string.Empty);
        MetadataReader.Check(checker, root);
        if (checker.IsUndecodable)
        {
            return checker.Diagnostics;
        }

        return [.. checker.Diagnostics, .. kind.Validate(ObjectInput.Of(root, defaultNamespace))];
    }
}
