using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Delivery;

/// <summary>
/// Where a prod stack deploys must be written down. The file itself is valid without it, so
/// <c>egressctl check</c> warns; the Pulumi run, which would otherwise follow the ambient kubeconfig,
/// turns the same finding into an error and registers nothing.
/// </summary>
public static class DeliveryTarget
{
    /// <param name="deploying">True for the Pulumi run: the finding becomes an error.</param>
    public static IEnumerable<Diagnostic> Check(StackConfig config, bool deploying)
    {
        ArgumentNullException.ThrowIfNull(config);
        var target = config.Kubernetes;
        if (config.Environment != DeploymentEnvironment.Prod || IsSet(target.Context) || IsSet(target.Kubeconfig) || IsSet(target.RenderYamlToDirectory))
        {
            yield break;
        }

        yield return DeliveryCodes.ProdTargetMissing.Create(
            "context",
            "The prod stack names no context or kubeconfig: the Pulumi run would deploy to whatever cluster the runner's current kubeconfig context points at, so it refuses to start.",
            severity: deploying ? Severity.Error : null);
    }

    /// <summary>The cluster identity the provider keeps across kubeconfig edits: the context's name, when set.</summary>
    public static string? ClusterIdentity(KubernetesTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return IsSet(target.Context) ? target.Context!.Trim() : null;
    }

    public static bool IsSet(string? value) => !string.IsNullOrWhiteSpace(value);
}
