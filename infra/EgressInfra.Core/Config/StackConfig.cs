using EgressInfra.Core.Probe;

namespace EgressInfra.Core.Config;

/// <summary>The whole typed configuration of one stack, as read from <c>Pulumi.&lt;stack&gt;.yaml</c>.</summary>
/// <param name="Profile">The policy profile name in force (explicit or derived from the environment).</param>
public sealed record StackConfig(
    DeploymentEnvironment Environment,
    string Profile,
    EgressConfig Egress,
    KubernetesTarget Kubernetes)
{
    /// <summary>The stack's tuning of its profile (<c>policy</c> key); none when the key is absent.</summary>
    public PolicyConfig Policy { get; init; } = PolicyConfig.None;

    /// <summary>The post-deploy egress probe; only the Pulumi door runs it.</summary>
    public ProbeConfig Probe { get; init; } = ProbeConfig.Disabled;
}
