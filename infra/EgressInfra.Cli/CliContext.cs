namespace EgressInfra.Cli;

/// <summary>Where a command writes, and the clock it reads: injected so that tests run commands in-process.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error)
{
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
