namespace EgressInfra.Core.Explain;

/// <summary>Which outcomes let the traffic through.</summary>
public static class ExplainOutcomes
{
    public static bool IsAllowed(this ExplainOutcome outcome) =>
        outcome is ExplainOutcome.Declared or ExplainOutcome.PortWide or ExplainOutcome.Passthrough;
}
