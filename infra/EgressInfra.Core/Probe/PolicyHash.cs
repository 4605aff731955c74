using System.Security.Cryptography;
using System.Text;
using EgressInfra.Core.Manifests;

namespace EgressInfra.Core.Probe;

/// <summary>
/// A fingerprint of what a namespace may reach: SHA-256 of the rendered objects that decide it
/// (<see cref="EgressManifests.PolicyOf"/>), in canonical order, with metadata cut down to name and namespace. Owner, reason and labels are left
/// out because they change nothing the mesh enforces, so editing them does not re-run the probe.
/// </summary>
public static class PolicyHash
{
    public static string Compute(IEnumerable<IKubernetesObject> namespaceObjects)
    {
        ArgumentNullException.ThrowIfNull(namespaceObjects);
        var trees = namespaceObjects.Select(o => ManifestTree.ToTree(WithoutDecorations(o)));
        var text = YamlWriter.WriteDocuments(trees);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static IKubernetesObject WithoutDecorations(IKubernetesObject obj)
    {
        var metadata = ObjectMetadata.Named(obj.Metadata.Name, obj.Metadata.Namespace);
        return obj.WithMetadata(metadata);
    }
}
