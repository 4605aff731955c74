namespace EgressInfra.Core.Probe;

/// <summary>Whether a probe check tries something the policy allows or something it must deny.</summary>
public enum ProbeCheckKind
{
    Allow,
    Deny,

    /// <summary>A direct connection that skips the sidecar and the egress gateway: the NetworkPolicy must drop it.</summary>
    Bypass,
}
