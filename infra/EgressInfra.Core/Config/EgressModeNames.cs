using System.Collections.Frozen;

namespace EgressInfra.Core.Config;

/// <summary>The spellings of <see cref="EgressMode"/> in config and output.</summary>
public static class EgressModeNames
{
    public static readonly FrozenDictionary<string, EgressMode> Modes = new Dictionary<string, EgressMode>
    {
        ["sidecar"] = EgressMode.Sidecar,
        ["gateway"] = EgressMode.Gateway,
        ["ambient"] = EgressMode.Ambient,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string Name(this EgressMode mode) => mode switch
    {
        EgressMode.Gateway => "gateway",
        EgressMode.Ambient => "ambient",
        _ => "sidecar",
    };
}
