using EgressInfra.Core.Manifests;
using EgressInfra.Resources.Istio;
using Pulumi;

namespace EgressInfra.Resources;

/// <summary>
/// One Core object as a Kubernetes resource, of every kind: type <c>kubernetes:&lt;apiVersion&gt;:&lt;kind&gt;</c>
/// (the token <c>Pulumi.Kubernetes.ApiExtensions.CustomResource</c> registers, so names and URNs are
/// unchanged) and the object's rendered tree as inputs.
/// </summary>
/// <remarks>
/// Why not the Kubernetes SDK's <c>CustomResource</c> with typed <c>...Args</c>: Pulumi reflects over
/// every <c>[Input]</c> member of each args object when it is built (ObjectMetaArgs alone has about 15)
/// and over every <c>[Output]</c> of each resource when it is created and again when the engine's state
/// comes back (the SDK's class converts <c>metadata</c> into an ObjectMeta per resource). The program
/// reads none of these outputs, so the resource declares none, and its inputs are the plain maps of
/// <see cref="ManifestTree.ToTree"/>: what <c>egressctl render</c> prints, by construction.
/// </remarks>
internal sealed class KubernetesObjectResource : CustomResource
{
    /// <param name="inputs">The run's converter to plain inputs (<see cref="PlainTree.InputsOf"/>).</param>
    public KubernetesObjectResource(IKubernetesObject obj, PlainTree inputs, CustomResourceOptions options)
        : base(TypeToken(obj), LogicalName(obj), new DictionaryResourceArgs((inputs ?? throw new ArgumentNullException(nameof(inputs))).InputsOf(obj)), options)
    {
        Object = obj;
    }

    /// <summary>The Core object this resource registers.</summary>
    public IKubernetesObject Object { get; }

    /// <summary>Pulumi's type for a Kubernetes object, the one the Kubernetes provider dispatches on.</summary>
    public static string TypeToken(IKubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return $"kubernetes:{obj.ApiVersion}:{obj.Kind}";
    }

    /// <summary>Logical name: namespace, kind and name, so it is unique and depends only on the config.</summary>
    public static string LogicalName(IKubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return $"{obj.Metadata.Namespace}-{obj.Kind.ToLowerInvariant()}-{obj.Metadata.Name}";
    }
}
