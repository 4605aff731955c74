namespace EgressInfra.Core.Manifests;

/// <summary>A Kubernetes object that EgressInfra renders or reads.</summary>
public interface IKubernetesObject
{
    string ApiVersion { get; }

    string Kind { get; }

    ObjectMetadata Metadata { get; }

    /// <summary>The same object with other metadata (the policy hash strips labels and annotations).</summary>
    IKubernetesObject WithMetadata(ObjectMetadata metadata);

    /// <summary>How the object is named in messages: <c>ServiceEntry payments/stripe-api</c>.</summary>
    string DisplayName => Metadata.Namespace is null ? $"{Kind} {Metadata.Name}" : $"{Kind} {Metadata.Namespace}/{Metadata.Name}";
}
