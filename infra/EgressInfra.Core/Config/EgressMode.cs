namespace EgressInfra.Core.Config;

/// <summary>
/// How a stack's model becomes dataplane objects (<c>egress.mode</c>). Each mode has its own builder
/// under <c>Manifests/Modes</c>.
/// </summary>
public enum EgressMode
{
    /// <summary>Per-namespace ServiceEntries and a REGISTRY_ONLY Sidecar: best-effort, bypassable.</summary>
    Sidecar,

    /// <summary>All external traffic through a dedicated egress gateway, authorized per source namespace and fenced by NetworkPolicy.</summary>
    Gateway,

    /// <summary>Ambient mesh (ztunnel and a waypoint); reserved, built by a later change.</summary>
    Ambient,
}
