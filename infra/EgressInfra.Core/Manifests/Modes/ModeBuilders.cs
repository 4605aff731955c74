using EgressInfra.Core.Config;
using EgressInfra.Core.Manifests.Modes.Ambient;
using EgressInfra.Core.Manifests.Modes.Gateway;
using EgressInfra.Core.Manifests.Modes.Sidecar;

namespace EgressInfra.Core.Manifests.Modes;

/// <summary>The builder of each mode. A mode without one is rejected when the config is bound (EGR050).</summary>
public static class ModeBuilders
{
    public static IModeBuilder Sidecar { get; } = new SidecarModeBuilder();

    public static IModeBuilder Gateway { get; } = new GatewayModeBuilder();

    public static IModeBuilder Ambient { get; } = new AmbientModeBuilder();

    public static IModeBuilder For(EgressMode mode) => mode switch
    {
        EgressMode.Gateway => Gateway,
        EgressMode.Ambient => Ambient,

        // Ambient is refused by the binder until its builder exists, so no plan reaches here with it.
        _ => Sidecar,
    };
}
