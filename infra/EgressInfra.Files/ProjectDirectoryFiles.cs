using EgressInfra.Core.Fragments;

namespace EgressInfra.Files;

/// <summary>
/// The project directory as both doors show it to the Core: the fragments under <c>egress.include</c>
/// listed and read from disk under the same rules as a stack file. A FIFO, socket or device is never
/// opened, every byte read counts against one <see cref="ReadBudget"/>, UTF-16 and UTF-32 are decoded,
/// and nothing outside the project is reached, through a symbolic link either. The walk follows links
/// inside the project but visits each real folder and file once, so link loops and links back up the
/// tree end.
/// </summary>
public sealed class ProjectDirectoryFiles : IProjectFiles
{
    /// <summary>A bound on a listing, so that a pattern such as <c>**/*.yaml</c> in a huge tree stays quick.</summary>
    public const int MaxFiles = 20_000;

    private readonly string _root;
    private readonly string? _realRoot;
    private readonly ReadBudget _budget;
    private readonly Func<string, string> _display;

    /// <param name="display">How findings name a file, given its full path; by default its project path.</param>
    public ProjectDirectoryFiles(string projectDirectory, ReadBudget budget, Func<string, string>? display = null)
    {
        ArgumentNullException.ThrowIfNull(projectDirectory);
        ArgumentNullException.ThrowIfNull(budget);
        _root = Path.GetFullPath(projectDirectory);
        _realRoot = NativeStat.RealPath(_root);
        _budget = budget;
        _display = display ?? (full => Path.GetRelativePath(_root, full).Replace('\\', '/'));
    }

    public IReadOnlyList<string> FilesUnder(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var start = Path.Combine(_root, directory);
        if (NativeStat.Of(start).Kind != FileKind.Directory || !Inside(start))
        {
            return [];
        }

        var found = new List<(string Path, NativeStat.FileIdentity? Id)>();
        Walk(start, NativeStat.RealPath(start), found, new HashSet<NativeStat.FileIdentity>());
        var seen = new HashSet<NativeStat.FileIdentity>();
        return [.. found
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Where(f => f.Id is not { } id || seen.Add(id))
            .Select(f => f.Path)];
    }

    public ProjectFileRead Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.Combine(_root, path);
        if (!Inside(full))
        {
            return ProjectFileRead.Failed("it is a symbolic link leading outside the project directory; a fragment must live in the project");
        }

        try
        {
            return ProjectFileRead.Of(BoundedText.ReadFile(full, _budget, "a fragment file", "a fragment must be a regular file"));
        }
        catch (UnreadableInputException ex)
        {
            return ex.IsMissing ? ProjectFileRead.Missing(ex.Reason) : ProjectFileRead.Failed(ex.Reason);
        }
    }

    public string Display(string path) => _display(Path.Combine(_root, path));

    /// <summary>
    /// Entries in name order; folders descended once each, files (of any kind: Read judges them) listed.
    /// A linked folder is descended only when it really lies below <paramref name="realStart"/>, the folder
    /// the pattern names: a link up the tree or across the project would make <c>egress.d/**</c> match
    /// files that are not under <c>egress.d</c> (the stack file itself, another team's folder).
    /// </summary>
    private void Walk(string dir, string? realStart, List<(string, NativeStat.FileIdentity?)> found, HashSet<NativeStat.FileIdentity> walked)
    {
        var status = NativeStat.Of(dir);
        if (status.Identity is { } dirId && !walked.Add(dirId))
        {
            // Already walked through another path.
            return;
        }

        List<string> entries;
        try
        {
            entries = [.. Directory.EnumerateFileSystemEntries(dir, "*", new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden })
                .Where(e => !Path.GetFileName(e).StartsWith('.'))
                .Order(StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var entry in entries)
        {
            if (found.Count >= MaxFiles)
            {
                return;
            }

            var entryStatus = NativeStat.Of(entry);
            if (entryStatus.Kind == FileKind.Directory)
            {
                if (Below(entry, realStart))
                {
                    Walk(entry, realStart, found, walked);
                }

                continue;
            }

            found.Add((Path.GetRelativePath(_root, entry).Replace('\\', '/'), entryStatus.Identity));
        }
    }

    /// <summary>Whether a folder, its links resolved, lies below the walk's start; where links cannot be resolved, only unlinked folders do.</summary>
    private static bool Below(string folder, string? realStart)
    {
        if (realStart is null || NativeStat.RealPath(folder) is not { } real)
        {
            return !IsLink(folder);
        }

        return real.StartsWith(realStart.TrimEnd('/') + "/", StringComparison.Ordinal);
    }

    /// <summary>Whether the path, its links resolved, stays in the project; true where links cannot be resolved here.</summary>
    private bool Inside(string full)
    {
        if (_realRoot is null || NativeStat.RealPath(full) is not { } real)
        {
            // Nothing there or a loop: reading it reports that; elsewhere no link can be resolved.
            return true;
        }

        return real == _realRoot || real.StartsWith(_realRoot.TrimEnd('/') + "/", StringComparison.Ordinal);
    }

    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }
}
