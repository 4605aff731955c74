using EgressInfra.Core.Config;
using EgressInfra.Core.Delivery;
using Pulumi;
using KubernetesProvider = Pulumi.Kubernetes.Provider;
using KubernetesProviderArgs = Pulumi.Kubernetes.ProviderArgs;

namespace EgressInfra.Resources;

/// <summary>
/// The explicit Kubernetes provider every object goes through, so a stack deploys where its own config
/// says, never to whatever the ambient kubeconfig points at.
/// </summary>
internal static class ClusterProvider
{
    public const string Name = "kubernetes";

    /// <param name="kubeconfig">The kubeconfig as read from config: a secret, so it stays out of the state in plain text.</param>
    public static KubernetesProvider Create(KubernetesTarget target, Output<string>? kubeconfig)
    {
        ArgumentNullException.ThrowIfNull(target);
        var args = new KubernetesProviderArgs();

        // Set, the provider writes YAML instead of talking to a cluster: a stack renders without one.
        // The provider rejects a context or kubeconfig next to it, and no cluster identity applies.
        if (NullIfBlank(target.RenderYamlToDirectory) is { } directory)
        {
            args.RenderYamlToDirectory = directory;
            return new KubernetesProvider(Name, args);
        }

        if (kubeconfig is not null)
        {
            args.KubeConfig = Output.CreateSecret(kubeconfig);
        }

        // Pulumi.yaml declares these with "" as default: blank means "not set", as documented there.
        if (NullIfBlank(target.Context) is { } context)
        {
            args.Context = context;
        }

        // With an identity, the provider is replaced only when the identity changes: a rotated
        // credential, a new kubeconfig file or a render directory no longer replaces (deletes and
        // recreates) every object, which would leave each namespace without its Sidecar meanwhile.
        if (DeliveryTarget.ClusterIdentity(target) is { } identity)
        {
            args.ClusterIdentifier = identity;
        }

        return new KubernetesProvider(Name, args);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
