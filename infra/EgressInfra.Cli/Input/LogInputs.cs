using EgressInfra.Core.Learn;

namespace EgressInfra.Cli.Input;

/// <summary>
/// The access logs learn was pointed at, each with its namespace: a directory laid out as
/// <c>DIR/&lt;namespace&gt;/*.log</c> names it per file; a single file, '-' (stdin) or a log directly in DIR takes --namespace.
/// Lines are streamed, so a large log is never held in memory at once.
/// </summary>
public static class LogInputs
{
    public static IReadOnlyList<LogSource> Resolve(IEnumerable<string> arguments, string? ns, TextReader stdin)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var sources = new List<LogSource>();
        foreach (var argument in arguments)
        {
            if (argument == ManifestInputs.Stdin)
            {
                sources.Add(new LogSource(ManifestInputs.StdinName, Required(ns, "standard input"), Lines(stdin)));
            }
            else if (Directory.Exists(argument))
            {
                var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
                foreach (var file in Directory.EnumerateFiles(argument, "*.log", options).Order(StringComparer.Ordinal))
                {
                    var relative = Path.GetRelativePath(argument, file).Replace('\\', '/');
                    var slash = relative.IndexOf('/', StringComparison.Ordinal);
                    var fileNamespace = slash > 0 ? relative[..slash] : Required(ns, file);
                    sources.Add(new LogSource(file, fileNamespace, ReadLines(file)));
                }
            }
            else if (File.Exists(argument))
            {
                sources.Add(new LogSource(argument, Required(ns, argument), ReadLines(argument)));
            }
            else
            {
                throw new UsageException($"cannot read {argument}: no such file or directory");
            }
        }

        return sources;
    }

    private static string Required(string? ns, string what) =>
        ns ?? throw new UsageException($"which namespace wrote {what}? give --namespace NS, or lay logs out as DIR/<namespace>/*.log");

    private static IEnumerable<string> ReadLines(string path)
    {
        IEnumerable<string> lines;
        try
        {
            lines = File.ReadLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {path}: {ex.Message}");
        }

        return lines;
    }

    private static IEnumerable<string> Lines(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
