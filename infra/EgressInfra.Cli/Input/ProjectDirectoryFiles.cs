using EgressInfra.Core.Fragments;

namespace EgressInfra.Cli.Input;

/// <summary>egressctl's view of the project directory for the Core: fragment files listed and read from disk, with the stack files' size and encoding rules.</summary>
public sealed class ProjectDirectoryFiles(string projectDirectory) : IProjectFiles
{
    /// <summary>A bound on a listing, so that a pattern such as <c>**/*.yaml</c> in a huge tree stays quick.</summary>
    public const int MaxFiles = 20_000;

    public IReadOnlyList<string> FilesUnder(string directory)
    {
        var root = Path.GetFullPath(projectDirectory);
        var start = Path.Combine(root, directory);
        if (!Directory.Exists(start))
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.ReparsePoint };
        return [.. Directory.EnumerateFiles(start, "*", options)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(s => s.StartsWith('.')))
            .Take(MaxFiles)
            .Order(StringComparer.Ordinal)];
    }

    public ProjectFileRead Read(string path)
    {
        try
        {
            return ProjectFileRead.Of(StackSource.ReadText(Path.Combine(projectDirectory, path)));
        }
        catch (UsageException ex)
        {
            return ProjectFileRead.Failed(ex.Message);
        }
    }

    public string Display(string path)
    {
        var full = Path.Combine(projectDirectory, path);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full).Replace('\\', '/');
        return relative.StartsWith("..", StringComparison.Ordinal) ? full : relative;
    }
}
