using EgressInfra.Core.Pipeline;

namespace EgressInfra.Core.Explain;

/// <summary>
/// The stack's evaluation and, when the stack has no errors, the explanation. A stack with errors is
/// not explained: it cannot be deployed, so what it "allows" would describe nothing real.
/// </summary>
public sealed record ExplainResult(EgressPlan Plan, Explanation? Explanation);
