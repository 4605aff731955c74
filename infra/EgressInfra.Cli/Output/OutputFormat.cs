namespace EgressInfra.Cli.Output;

/// <summary>How diagnostics are printed.</summary>
public enum OutputFormat
{
    /// <summary>For people: one finding per block, file:line first so terminals make it a link.</summary>
    Text,

    /// <summary>For tools: <c>{"diagnostics":[...]}</c>.</summary>
    Json,
}
