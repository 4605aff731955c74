using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Lint;

/// <summary>
/// Files a manifest folder holds for the tools that build the manifests rather than for the API
/// server: kustomize's kustomization.yaml (apiVersion and kind are optional there) and a Helm chart's
/// Chart.yaml and values.yaml. kubectl is never given them, so lint counts such a document as skipped
/// instead of reporting it as an object without apiVersion or kind.
/// </summary>
public static class ToolFiles
{
    /// <summary>The tool's name for the file, or null when the file name is not one of theirs.</summary>
    public static string? KindOf(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var slash = Math.Max(file.LastIndexOf('/'), file.LastIndexOf('\\'));
        return file[(slash + 1)..] switch
        {
            "kustomization.yaml" or "kustomization.yml" or "Kustomization" => "Kustomization",
            "Chart.yaml" => "Helm Chart.yaml",
            "values.yaml" or "values.yml" => "Helm values",
            _ => null,
        };
    }

    /// <summary>True when the document is the tool's own (no kind: not written as a Kubernetes object).</summary>
    public static bool IsToolDocument(string? toolKind, ConfigNode? root) =>
        toolKind is not null && root is MappingNode map && map["kind"] is null;
}
