using EgressInfra.Core.Config;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Presets;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>Everything a rule may look at: the model, what it builds, the parameters in force, the catalog and today's date.</summary>
/// <param name="Today">The UTC date from the evaluation's clock.</param>
public sealed record RuleContext(
    StackConfig Config,
    EgressManifests Manifests,
    ProfileParameters Parameters,
    PresetCatalog Presets,
    DateOnly Today)
{
    public IEnumerable<ExternalService> Services => Config.Egress.Services;

    /// <summary>
    /// The config path of <paramref name="member"/> of <paramref name="service"/>
    /// (<c>egress.services[1].hosts[0]</c>); for a preset's service, the preset's item, which is all
    /// the stack wrote.
    /// </summary>
    public static string PathOf(ExternalService service, string member) =>
        service.Preset is null ? $"{service.SourcePath}.{member}" : service.SourcePath;

    /// <summary>How a message names a service: by name, or as the preset it comes from.</summary>
    public static string Describe(ExternalService service) =>
        service.Preset is null ? $"the service '{service.Name}'" : $"the preset '{service.Preset}' ({service.Name})";

    public static RuleFinding Finding(ExternalService service, string member, string message) =>
        new(PathOf(service, member), message, service.Name, service.Preset);
}
