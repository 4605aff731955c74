namespace EgressInfra.Core.Config;

/// <summary>The environment a stack deploys to; it sets the floor of the policy profile.</summary>
public enum DeploymentEnvironment
{
    Dev,
    Staging,
    Prod,
}
