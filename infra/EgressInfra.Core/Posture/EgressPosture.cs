namespace EgressInfra.Core.Posture;

/// <summary>How much a governed namespace's egress policy can be relied on.</summary>
public enum EgressPosture
{
    /// <summary>ALLOW_ANY: unknown destinations pass; the mesh only records traffic.</summary>
    Observed,

    /// <summary>REGISTRY_ONLY in the pod's own sidecar: stops mistakes, not a pod that goes around its sidecar.</summary>
    BestEffort,

    /// <summary>A gateway (or waypoint) path the pod cannot skip: authorized per namespace there, and fenced by NetworkPolicy.</summary>
    Enforced,
}
