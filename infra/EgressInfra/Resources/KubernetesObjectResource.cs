using EgressInfra.Core.Manifests;
using EgressInfra.Resources.Istio;
using Pulumi;
using CustomResource = Pulumi.Kubernetes.ApiExtensions.CustomResource;

namespace EgressInfra.Resources;

/// <summary>Registers one Core object as the Pulumi resource of its kind; the one switch over kinds.</summary>
internal static class KubernetesObjectResource
{
    /// <summary>Logical name: namespace, kind and name, so it is unique and depends only on the config.</summary>
    public static string LogicalName(IKubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return $"{obj.Metadata.Namespace}-{obj.Kind.ToLowerInvariant()}-{obj.Metadata.Name}";
    }

    public static Resource Create(IKubernetesObject obj, CustomResourceOptions options) => obj switch
    {
        ServiceEntry entry => new CustomResource(LogicalName(obj), IstioArgsMapper.ToArgs(entry), options),
        Sidecar sidecar => new CustomResource(LogicalName(obj), IstioArgsMapper.ToArgs(sidecar), options),
        _ => throw new ArgumentException($"no Pulumi mapping for {obj.DisplayName}", nameof(obj)),
    };
}
