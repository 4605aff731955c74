namespace EgressInfra.Core.Posture;

public static class PostureNames
{
    public static string Name(this EgressPosture posture) => posture switch
    {
        EgressPosture.Enforced => "enforced",
        EgressPosture.BestEffort => "best-effort",
        _ => "observed",
    };

    /// <summary>What each posture stops, for text output and explanations.</summary>
    public static string Meaning(this EgressPosture posture) => posture switch
    {
        EgressPosture.Enforced => "external traffic must cross the egress gateway, which authorizes the namespace per destination; a NetworkPolicy drops anything that tries to go around it (needs a CNI that enforces NetworkPolicy)",
        EgressPosture.BestEffort => "the namespace's own sidecars refuse undeclared destinations, but a pod that skips its sidecar (UID 1337, no injection, hostNetwork, excludeOutbound annotations) is not stopped",
        _ => "ALLOW_ANY: undeclared destinations are let through; the mesh only observes",
    };
}
