namespace EgressInfra.Cli.Input;

/// <summary>
/// The YAML files lint was pointed at, read in a fixed order: each argument in the order given, a
/// directory's *.yaml and *.yml files (recursively, hidden ones skipped) sorted by path, and '-' for stdin.
/// </summary>
public static class ManifestInputs
{
    public const string Stdin = "-";

    /// <summary>How findings name what came from stdin.</summary>
    public const string StdinName = "<stdin>";

    public static IReadOnlyList<(string File, string Text)> Read(IEnumerable<string> arguments, TextReader stdin)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(stdin);
        var result = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            if (argument == Stdin)
            {
                if (seen.Add(Stdin))
                {
                    result.Add((StdinName, stdin.ReadToEnd()));
                }

                continue;
            }

            foreach (var path in Expand(argument))
            {
                if (seen.Add(Path.GetFullPath(path)))
                {
                    result.Add((Display(path), ReadText(path)));
                }
            }
        }

        return result;
    }

    private static IEnumerable<string> Expand(string argument)
    {
        if (Directory.Exists(argument))
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false };
            try
            {
                return [.. Directory.EnumerateFiles(argument, "*", options)
                    .Where(IsYaml)
                    .Select(f => (Path: f, Key: Path.GetRelativePath(argument, f).Replace('\\', '/')))
                    .OrderBy(f => f.Key, StringComparer.Ordinal)
                    .Select(f => f.Path)];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot read {argument}: {ex.Message}");
            }
        }

        if (File.Exists(argument))
        {
            return [argument];
        }

        throw new UsageException($"cannot read {argument}: no such file or directory");
    }

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new UsageException($"cannot read {path}: {ex.Message}");
        }
    }

    /// <summary>Relative to the working directory when the file is under it, so findings and SARIF URIs are repository paths.</summary>
    private static string Display(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
