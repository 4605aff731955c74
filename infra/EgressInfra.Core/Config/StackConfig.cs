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

    /// <summary>The stack's name, written in <c>environmentOverride</c> to confirm a deliberate mismatch with the name.</summary>
    public string? EnvironmentOverride { get; init; }

    /// <summary>True when the stack gave no profile and <see cref="Profile"/> is the environment's default.</summary>
    public bool ProfileIsDefault { get; init; }

    /// <summary>
    /// The environment whose floor applies: <see cref="Environment"/>, or a stronger one the stack's name
    /// says (a stack named prod is held to the prod floor whatever its environment key says).
    /// </summary>
    public DeploymentEnvironment FloorEnvironment { get; init; }
}
