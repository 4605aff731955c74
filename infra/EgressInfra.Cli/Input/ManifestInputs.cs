using EgressInfra.Core.Diagnostics;
using EgressInfra.Files;

namespace EgressInfra.Cli.Input;

/// <summary>What lint reads: each input's name and text, and notes about paths a folder walk skipped.</summary>
public sealed record ManifestInputSet(IReadOnlyList<(string File, string Text)> Inputs, IReadOnlyList<Diagnostic> Notes);

/// <summary>
/// The YAML files lint was pointed at, read in a fixed order: each argument in the order given, a
/// directory's *.yaml and *.yml files (recursively, hidden ones skipped) sorted by path, and '-' for
/// stdin. A walk follows symbolic links but reads each real file and folder once, so loops and links
/// back up the tree end; FIFOs, sockets and devices inside a folder are skipped with a note (EGR031),
/// and named on the command line they are refused. Every byte read counts against one budget.
/// </summary>
public static class ManifestInputs
{
    public const string Stdin = "-";

    /// <summary>How findings name what came from stdin.</summary>
    public const string StdinName = "<stdin>";

    /// <summary>More files than any repository holds: a walk stops here rather than run on.</summary>
    public const int MaxFiles = 100_000;

    public static IReadOnlyList<(string File, string Text)> Read(IEnumerable<string> arguments, TextReader stdin) =>
        Read(arguments, stdin, null, new InputText.Budget(InputLimit.DefaultBytes)).Inputs;

    /// <param name="stdinBytes">Standard input as bytes, when the process has one (encoding detected like a file's); else <paramref name="stdin"/> is read.</param>
    public static ManifestInputSet Read(IEnumerable<string> arguments, TextReader stdin, Stream? stdinBytes, InputText.Budget budget)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(stdin);
        var result = new List<(string, string)>();
        var notes = new List<Diagnostic>();
        var seenPaths = new HashSet<string>(StringComparer.Ordinal);
        var seenFiles = new HashSet<NativeStat.FileIdentity>();
        foreach (var argument in arguments)
        {
            if (argument == Stdin)
            {
                if (seenPaths.Add(Stdin))
                {
                    var text = stdinBytes is null
                        ? InputText.ReadText(stdin, StdinName, budget)
                        : InputText.ReadStream(stdinBytes, StdinName, budget);
                    result.Add((StdinName, text));
                }

                continue;
            }

            foreach (var path in Expand(argument, notes, seenFiles))
            {
                if (seenPaths.Add(Path.GetFullPath(path)))
                {
                    result.Add((Display(path), InputText.ReadFile(path, budget, "a manifest file")));
                }
            }
        }

        return new ManifestInputSet(result, notes);
    }

    private static IEnumerable<string> Expand(string argument, List<Diagnostic> notes, HashSet<NativeStat.FileIdentity> seen)
    {
        var status = NativeStat.Of(argument);
        switch (status.Kind)
        {
            case FileKind.Directory:
                var found = new List<(string Path, string Key)>();
                Walk(argument, argument, found, notes, seen);
                return [.. found.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Path)];
            case FileKind.Missing:
                throw new UsageException($"cannot read {argument}: no such file or directory");
            default:
                // A named file is read (or refused by InputText for its kind) even when another path reached it.
                if (status.Identity is { } id)
                {
                    seen.Add(id);
                }

                return [argument];
        }
    }

    private static void Walk(string root, string dir, List<(string Path, string Key)> found, List<Diagnostic> notes, HashSet<NativeStat.FileIdentity> seen)
    {
        if (NativeStat.Of(dir).Identity is { } dirId && !seen.Add(dirId))
        {
            if (dir != root)
            {
                Note(notes, dir, "a folder already walked through another path (a symbolic link back up the tree or to a sibling)");
            }

            return;
        }

        List<string> entries;
        try
        {
            entries = [.. Directory.EnumerateFileSystemEntries(dir, "*", new EnumerationOptions { IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden })
                .Order(StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {dir}: {ex.Message}");
        }

        foreach (var entry in entries)
        {
            var status = NativeStat.Of(entry);
            switch (status.Kind)
            {
                case FileKind.Directory:
                    Walk(root, entry, found, notes, seen);
                    break;
                case FileKind.LinkLoop:
                    Note(notes, entry, "a symbolic link loop");
                    break;
                case FileKind.Missing:
                    if (IsYaml(entry))
                    {
                        Note(notes, entry, "a symbolic link to nothing");
                    }

                    break;
                case var kind when IsYaml(entry):
                    if (kind.IsSpecial())
                    {
                        Note(notes, entry, $"{kind.Describe()}, not a regular file");
                    }
                    else if (status.Identity is { } id && !seen.Add(id))
                    {
                        Note(notes, entry, "a file already read through another path");
                    }
                    else
                    {
                        if (found.Count >= MaxFiles)
                        {
                            throw new UsageException($"{root} holds more than {MaxFiles:N0} YAML files; lint a smaller folder");
                        }

                        found.Add((entry, Path.GetRelativePath(root, entry).Replace('\\', '/')));
                    }

                    break;
            }
        }
    }

    private static void Note(List<Diagnostic> notes, string path, string what) =>
        notes.Add(InputCodes.SkippedFile.Create(string.Empty, $"skipped {Display(path)}: {what}") with
        {
            Location = new SourceLocation(Display(path), 1, 1),
        });

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>Relative to the working directory when the file is under it, so findings and SARIF URIs are repository paths.</summary>
    private static string Display(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
