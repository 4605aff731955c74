namespace EgressInfra.Core.Probe;

/// <summary>What a probe check observes: the destination answered, or the mesh stopped the attempt.</summary>
public enum ProbeOutcome
{
    Reached,
    Blocked,
}
