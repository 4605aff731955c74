using EgressInfra.Core.Config;

namespace EgressInfra.Core.Import;

/// <summary>What the manifests cannot say: the environment of the stack being written, and the project's config namespace.</summary>
public sealed record ImportOptions(DeploymentEnvironment Environment, string ProjectName = Sources.StackFile.DefaultProjectName)
{
    public static ImportOptions Default { get; } = new(DeploymentEnvironment.Dev);
}
