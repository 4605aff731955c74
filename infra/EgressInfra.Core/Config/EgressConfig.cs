using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Config;

/// <summary>The <c>egress</c> object of a stack: the governed namespaces and what they may reach.</summary>
/// <param name="SidecarImports">Extra <c>namespace/host</c> imports added to every Sidecar (the control plane and egress gateway live here).</param>
public sealed record EgressConfig(
    OutboundTrafficPolicy OutboundTrafficPolicy,
    ValueList<string> Namespaces,
    ValueList<ExternalService> Services,
    ValueList<string> SidecarImports)
{
    /// <summary>
    /// The presets the stack lists (<c>egress.presets</c>). Their services are already expanded into
    /// <see cref="Services"/>; these are kept for the rules that judge a preset as a whole.
    /// </summary>
    public ValueList<PresetReference> Presets { get; init; } = ValueList<PresetReference>.Empty;

    /// <summary>
    /// Imports for one governed namespace's Sidecar only (<c>egress.namespaceImports</c>), on top of
    /// <see cref="SidecarImports"/>: calls to another team's in-mesh services from the namespaces that make them.
    /// </summary>
    public ValueMap<ValueList<string>> NamespaceImports { get; init; } = ValueMap<ValueList<string>>.Empty;

    /// <summary>How the model becomes dataplane objects (<c>egress.mode</c>).</summary>
    public EgressMode Mode { get; init; } = EgressMode.Sidecar;

    /// <summary>The egress gateway used by <see cref="EgressMode.Gateway"/> (<c>egress.gateway</c>).</summary>
    public GatewayConfig Gateway { get; init; } = GatewayConfig.Default;

    /// <summary>Kubernetes NetworkPolicies per governed namespace (<c>egress.networkPolicy</c>).</summary>
    public NetworkPolicyConfig NetworkPolicy { get; init; } = NetworkPolicyConfig.Disabled;

    /// <summary>The egress namespace and waypoint used by <see cref="EgressMode.Ambient"/> (<c>egress.ambient</c>).</summary>
    public AmbientConfig Ambient { get; init; } = AmbientConfig.Default;
}
