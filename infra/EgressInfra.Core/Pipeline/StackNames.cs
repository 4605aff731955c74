using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Pipeline;

/// <summary>
/// What a stack's name says about its environment: <c>prod</c>, <c>production</c>, <c>prd</c> or
/// <c>live</c> as a word of the name (<c>prod</c>, <c>eu-prod</c>, <c>org/project/production</c>) is
/// prod; <c>staging</c>, <c>stage</c>, <c>stg</c> staging; <c>dev</c>, <c>development</c> dev.
/// </summary>
public static class StackNames
{
    private static readonly (string Word, DeploymentEnvironment Environment)[] Words =
    [
        ("prod", DeploymentEnvironment.Prod), ("production", DeploymentEnvironment.Prod), ("prd", DeploymentEnvironment.Prod), ("live", DeploymentEnvironment.Prod),
        ("staging", DeploymentEnvironment.Staging), ("stage", DeploymentEnvironment.Staging), ("stg", DeploymentEnvironment.Staging),
        ("dev", DeploymentEnvironment.Dev), ("development", DeploymentEnvironment.Dev),
    ];

    /// <summary>The stack name of a stack file name (<c>Pulumi.prod.yaml</c> is prod), or null.</summary>
    public static string? FromFileName(string file)
    {
        var name = file.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        foreach (var ext in new[] { ".yaml", ".yml" })
        {
            if (name.StartsWith("Pulumi.", StringComparison.Ordinal) && name.EndsWith(ext, StringComparison.OrdinalIgnoreCase) && name.Length > "Pulumi.".Length + ext.Length)
            {
                return name["Pulumi.".Length..^ext.Length];
            }
        }

        return null;
    }

    /// <summary>The strongest environment a word of <paramref name="stackName"/> names, or null.</summary>
    public static DeploymentEnvironment? EnvironmentOf(string stackName)
    {
        DeploymentEnvironment? found = null;
        foreach (var word in stackName.ToLowerInvariant().Split(['-', '_', '.', '/', ' ', ':', '@'], StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var (text, environment) in Words)
            {
                if (word == text && (found is null || environment > found))
                {
                    found = environment;
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Holds <paramref name="config"/> to what its stack's name says: the floor of the named environment
    /// when it is stronger, and EGR017 when name and key disagree without a matching environmentOverride.
    /// </summary>
    public static StackConfig Apply(StackConfig config, string? stackName, ICollection<Diagnostic> diagnostics)
    {
        if (stackName is null || EnvironmentOf(stackName) is not { } named || named == config.Environment)
        {
            return config;
        }

        if (!string.Equals(config.EnvironmentOverride?.Trim(), stackName, StringComparison.Ordinal))
        {
            diagnostics.Add(ConfigCodes.StackNameEnvironment.Create(
                "environment",
                $"the stack '{stackName}' is named for {named.Name()}, but its environment is {config.Environment.Name()}",
                $"Set environment to {named.Name()}; if the mismatch is deliberate, add environmentOverride: {stackName} (the {(named > config.Environment ? named.Name() + " floor still applies" : "environment key then applies")})."));
        }

        if (named <= config.Environment)
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
