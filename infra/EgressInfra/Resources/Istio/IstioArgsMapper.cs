using EgressInfra.Core.Collections;
using EgressInfra.Core.Manifests;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

namespace EgressInfra.Resources.Istio;

/// <summary>
/// Core objects to Pulumi args: the one place that knows both. It copies, never decides. The spec is
/// <see cref="ManifestTree"/>'s, so empty lists and maps stay unset exactly as the rendered YAML leaves them out.
/// </summary>
internal static class IstioArgsMapper
{
    public static ServiceEntryArgs ToArgs(ServiceEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new ServiceEntryArgs(entry.ApiVersion)
        {
            Metadata = ToArgs(entry.Metadata),
            Spec = PlainTree.From(ManifestTree.Spec(entry.Spec)),
        };
    }

    public static SidecarArgs ToArgs(Sidecar sidecar)
    {
        ArgumentNullException.ThrowIfNull(sidecar);
        return new SidecarArgs(sidecar.ApiVersion)
        {
            Metadata = ToArgs(sidecar.Metadata),
            Spec = PlainTree.From(ManifestTree.Spec(sidecar.Spec)),
        };
    }

    /// <summary>The Core's name is the Kubernetes name: set explicitly, so Pulumi does not add a random suffix.</summary>
    public static ObjectMetaArgs ToArgs(ObjectMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var args = new ObjectMetaArgs { Name = metadata.Name, Namespace = Text(metadata.Namespace) };
        if (metadata.Labels.Count > 0)
        {
            args.Labels = Map(metadata.Labels, v => v)!;
        }

        if (metadata.Annotations.Count > 0)
        {
            args.Annotations = Map(metadata.Annotations, v => v)!;
        }

        return args;
    }

    // An unset field stays unset: a null converted to Input<T> would be sent as an explicit null.
    private static Input<string>? Text(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return value;
    }

    private static InputMap<TOut>? Map<TIn, TOut>(ValueMap<TIn> map, Func<TIn, TOut> convert)
    {
        if (map.Count == 0)
        {
            return null;
        }

        var result = new InputMap<TOut>();
        foreach (var (key, value) in map)
        {
            result.Add(key, convert(value));
        }

        return result;
    }
}
