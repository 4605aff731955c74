using System.Text;
using EgressInfra.Core.Fragments;

namespace EgressInfra.Configuration;

/// <summary>The program's view of the project directory for the Core: the fragments under egress.include, read as egressctl reads them.</summary>
internal sealed class ProjectDirectoryFiles(string projectDirectory) : IProjectFiles
{
    private const int MaxFiles = 20_000;
    private const long MaxFileBytes = 8 * 1024 * 1024;

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
            var full = Path.Combine(projectDirectory, path);
            if (new FileInfo(full).Length > MaxFileBytes)
            {
                return ProjectFileRead.Failed($"larger than {MaxFileBytes / (1024 * 1024)} MiB");
            }

            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(full));
            return ProjectFileRead.Of(text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return ProjectFileRead.Failed(ex.Message);
        }
    }

    /// <summary>Findings name fragments by their project path, as the stack file is named by its file name.</summary>
    public string Display(string path) => path;
}
