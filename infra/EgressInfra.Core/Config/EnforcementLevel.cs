using System.Collections.Frozen;

namespace EgressInfra.Core.Config;

/// <summary>
/// How a policy rule's findings count, as Pulumi CrossGuard's enforcement levels do: a mandatory
/// finding stops the run, an advisory one is shown and let through, a disabled rule does not run.
/// </summary>
public enum EnforcementLevel
{
    Mandatory,
    Advisory,
    Disabled,
}

/// <summary>The spellings of <see cref="EnforcementLevel"/> in stack files and in the profile data.</summary>
public static class EnforcementLevels
{
    public static readonly FrozenDictionary<string, EnforcementLevel> Names = new Dictionary<string, EnforcementLevel>
    {
        ["mandatory"] = EnforcementLevel.Mandatory,
        ["advisory"] = EnforcementLevel.Advisory,
        ["disabled"] = EnforcementLevel.Disabled,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string Name(this EnforcementLevel level) => level switch
    {
        EnforcementLevel.Mandatory => "mandatory",
        EnforcementLevel.Advisory => "advisory",
        _ => "disabled",
    };
}
