namespace EgressInfra.Cli;

/// <summary>Where a command reads and writes, and the clock it reads: injected so that tests run commands in-process.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error)
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>What <c>-</c> reads (lint's stdin argument) when <see cref="InBytes"/> is not set.</summary>
    public TextReader In { get; init; } = Console.In;

    /// <summary>Standard input as bytes: what <c>-</c> reads when set, counted and decoded like a file.</summary>
    public Stream? InBytes { get; init; }
}
