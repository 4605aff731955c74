namespace EgressInfra.Core.Pipeline;

/// <summary>What an evaluation may depend on besides the config: only the clock (waiver expiry), injected for tests.</summary>
public sealed record EvaluationOptions(TimeProvider Time)
{
    public static EvaluationOptions Default { get; } = new(TimeProvider.System);
}
