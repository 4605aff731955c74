namespace EgressInfra.Cli.Tests.Workflows;

/// <summary>
/// The dotnet CLI verbs and options the workflows may use: a small, deliberate list, so that a typo
/// (<c>--no-buld</c>) or a verb the SDK does not have fails here rather than on a runner.
/// </summary>
internal static class DotnetCli
{
    /// <summary>Per verb: options that take a value, options that do not, and how many paths may follow.</summary>
    public static readonly IReadOnlyDictionary<string, (string[] Valued, string[] Flags, int Paths)> Verbs =
        new Dictionary<string, (string[], string[], int)>(StringComparer.Ordinal)
        {
            ["restore"] = (["-v", "--verbosity", "-s", "--source", "--packages"], ["--locked-mode", "--force", "--no-cache"], 1),
            ["build"] = (["-c", "--configuration", "-f", "--framework", "-v", "--verbosity", "-o", "--output"], ["--no-restore", "--no-incremental", "--nologo"], 1),
            ["test"] = (["-c", "--configuration", "-f", "--framework", "-v", "--verbosity", "-l", "--logger", "--filter", "--collect", "--results-directory", "-s", "--settings"], ["--no-build", "--no-restore", "--nologo", "--blame"], 1),
            ["run"] = (["--project", "-c", "--configuration", "-f", "--framework", "-v", "--verbosity", "--launch-profile"], ["--no-build", "--no-restore", "--no-launch-profile"], 0),
        };
}
