using EgressInfra.Core.Config;
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

    public static KubernetesProvider Create(KubernetesTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var args = new KubernetesProviderArgs();

        // Pulumi.yaml declares these with "" as default: blank means "not set", as documented there.
        if (NullIfBlank(target.Kubeconfig) is { } kubeconfig)
        {
            // A kubeconfig may hold credentials; keep it out of the state in plain text.
            args.KubeConfig = Output.CreateSecret(kubeconfig);
        }

        if (NullIfBlank(target.Context) is { } context)
        {
            args.Context = context;
        }

        // Set, the provider writes YAML instead of talking to a cluster: a stack renders without one.
        if (NullIfBlank(target.RenderYamlToDirectory) is { } directory)
        {
            args.RenderYamlToDirectory = directory;
        }

        // Adoption of objects that already run (egressctl import): update them in place, never recreate.
        if (target.AdoptExisting)
        {
            args.UpsertExistingObjects = true;
        }

        return new KubernetesProvider(Name, args);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
