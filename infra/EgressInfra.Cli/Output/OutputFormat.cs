namespace EgressInfra.Cli.Output;

/// <summary>How diagnostics are printed.</summary>
public enum OutputFormat
{
    /// <summary>For people: one finding per block, file:line first so terminals make it a link.</summary>
    Text,

    /// <summary>For tools: <c>{"diagnostics":[...]}</c>.</summary>
    Json,

    /// <summary>GitHub Actions workflow commands (<c>::error file=...::</c>): annotations on the pull request.</summary>
    Github,

    /// <summary>SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.</summary>
    Sarif,
}
