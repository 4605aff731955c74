namespace EgressInfra.Core.Config;

/// <summary>Where the Pulumi program deploys. Only the Pulumi door uses it; the CLI ignores it.</summary>
/// <param name="RenderYamlToDirectory">When set, manifests are written to this folder instead of a cluster.</param>
public sealed record KubernetesTarget(string? Kubeconfig, string? Context, string? RenderYamlToDirectory)
{
    public static readonly KubernetesTarget Default = new(null, null, null);

    /// <summary>
    /// Adopt objects that already exist under the rendered names (e.g. after <c>egressctl import</c>):
    /// the provider updates them in place and takes them into the stack's state instead of failing
    /// with AlreadyExists. Meant for the adopting <c>pulumi up</c> only.
    /// </summary>
    public bool AdoptExisting { get; init; }
}
