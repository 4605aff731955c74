namespace EgressInfra.Core.Pipeline;

/// <summary>What an evaluation may depend on besides the config: the clock (waiver expiry), injected for tests, and the stack's name.</summary>
public sealed record EvaluationOptions(TimeProvider Time)
{
    /// <summary>
    /// The stack's name (<c>prod</c> for Pulumi.prod.yaml), when known: a name that says an environment
    /// must agree with the environment key (EGR017), and prod or staging names keep their floor.
    /// </summary>
    public string? StackName { get; init; }

    public static EvaluationOptions Default { get; } = new(TimeProvider.System);
}
