namespace EgressInfra.Core.Fragments;

/// <summary>A project directory held in memory: for tests, and for a door that already has the files' text.</summary>
public sealed class InMemoryProjectFiles(IReadOnlyDictionary<string, string> files) : IProjectFiles
{
    public IReadOnlyList<string> FilesUnder(string directory)
    {
        var prefix = directory.Length == 0 ? string.Empty : directory.TrimEnd('/') + "/";
        return [.. files.Keys
            .Where(p => p.StartsWith(prefix, StringComparison.Ordinal))
            .Where(p => !p.Split('/').Any(s => s.StartsWith('.')))
            .Order(StringComparer.Ordinal)];
    }

    public ProjectFileRead Read(string path) =>
        files.TryGetValue(path, out var text) ? ProjectFileRead.Of(text)
        : files.Keys.Any(p => p.StartsWith(path + "/", StringComparison.Ordinal)) ? ProjectFileRead.Failed("it is a directory, not a fragment file")
        : ProjectFileRead.Missing("no such file");

    public string Display(string path) => path;
}
