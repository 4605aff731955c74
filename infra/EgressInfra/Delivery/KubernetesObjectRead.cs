using System.Collections.Immutable;
using System.Reflection;
using Pulumi;
using KubernetesProvider = Pulumi.Kubernetes.Provider;

namespace EgressInfra.Delivery;

/// <summary>
/// A read of one Kubernetes object by name, as the Kubernetes SDK's typed <c>Get</c> reads it (the
/// same type token, name, id, provider and SDK version in the engine's request), with only its
/// <c>metadata</c> as output: the typed classes reflect over and convert every field of the object,
/// which made each preflight read cost three registrations.
/// </summary>
internal sealed class KubernetesObjectRead : CustomResource
{
    private KubernetesObjectRead(ResourceTypeAttribute type, string name, string id, KubernetesProvider provider)
        : base(type.Type, name, null, new CustomResourceOptions { Provider = provider, Version = type.Version, Id = id })
    {
    }

    /// <summary>The object's metadata as the engine returned it; null when the object was not found.</summary>
    [Output("metadata")]
    public Output<ImmutableDictionary<string, object>> Metadata { get; private set; } = null!;

    /// <summary>Reads the object <paramref name="id"/> of the kind <typeparamref name="TSdk"/> (a Kubernetes SDK resource class) names.</summary>
    public static KubernetesObjectRead Get<TSdk>(string name, string id, KubernetesProvider provider)
        where TSdk : CustomResource
    {
        var type = typeof(TSdk).GetCustomAttribute<ResourceTypeAttribute>(inherit: true)
            ?? throw new InvalidOperationException($"{typeof(TSdk).Name} declares no Pulumi resource type");
        return new KubernetesObjectRead(type, name, id, provider);
    }
}
