using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Pipeline;

/// <summary>
/// What a stack's kubeconfig context says about where it deploys: a stack whose context is named for
/// prod (<c>prod-eu-west-1</c>, <c>admin@prod</c>) deploys to the production cluster whatever its
/// environment key says, so it is held to that environment's floor, and the disagreement is EGR317.
/// </summary>
public static class ContextEnvironment
{
    /// <summary>
    /// Raises <paramref name="config"/>'s floor to the environment its context names when that is
    /// stronger, and reports the mismatch unless environmentOverride names the context or the stack
    /// (one key confirms a deliberate mismatch with both, as for EGR017).
    /// </summary>
    public static StackConfig Apply(StackConfig config, string? stackName, ICollection<Diagnostic> diagnostics)
    {
        var context = config.Kubernetes.Context?.Trim();
        if (string.IsNullOrEmpty(context) || StackNames.EnvironmentOf(context) is not { } named || named <= config.Environment)
        {
            return config;
        }

        var confirmed = config.EnvironmentOverride?.Trim();
        if (confirmed != context && (stackName is null || confirmed != stackName))
        {
            diagnostics.Add(PolicyCodes.ContextEnvironment.Create(
                "environment",
                $"the stack deploys to the context '{context}', which is named for {named.Name()}, but its environment is {config.Environment.Name()}",
                $"Set environment to {named.Name()}; if the mismatch is deliberate, add environmentOverride: {stackName ?? context} (the {named.Name()} floor still applies)."));
        }

        if (named <= config.FloorEnvironment)
        {
            return config;
        }

        return config with
        {
            FloorEnvironment = named,
            Profile = config.ProfileIsDefault ? Config.Binding.StackConfigBinder.DefaultProfile(named) : config.Profile,
        };
    }
}
