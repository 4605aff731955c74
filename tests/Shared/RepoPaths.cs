namespace EgressInfra.TestSupport;

/// <summary>Finds files of this repository from a test's output folder, so tests use the real stack files.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string ReadText(params string[] parts) => System.IO.File.ReadAllText(File(parts));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "EgressInfra.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("EgressInfra.sln not found above the test folder");
    }
}
