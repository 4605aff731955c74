namespace EgressInfra.Core.Fragments;

/// <summary>
/// The project directory as the Core may see it: the Core has no file system, so each door (egressctl,
/// the Pulumi program, a test) supplies this. Paths are relative to the directory holding Pulumi.yaml,
/// with '/' between segments.
/// </summary>
public interface IProjectFiles
{
    /// <summary>
    /// Every file at or below <paramref name="directory"/> ("" is the project directory), as project
    /// paths, hidden files and folders (a leading '.') left out; empty when the folder does not exist.
    /// </summary>
    IReadOnlyList<string> FilesUnder(string directory);

    /// <summary>
    /// The file's text, or why it could not be read. Called for a path the listing gave and for a literal
    /// <c>egress.include</c> path as written, which may name a folder, a FIFO or nothing at all.
    /// </summary>
    ProjectFileRead Read(string path);

    /// <summary>How findings name the file (relative to where the user stands, when that differs from the project).</summary>
    string Display(string path);
}

/// <summary>A file's text, or the reason it could not be read (missing, too large, not UTF-8 ...).</summary>
public sealed record ProjectFileRead(string? Text, string? Error)
{
    /// <summary>Nothing exists at the path, as opposed to something there that may not be read (a directory, a FIFO).</summary>
    public bool IsMissing { get; init; }

    public static ProjectFileRead Of(string text) => new(text, null);

    public static ProjectFileRead Failed(string error) => new(null, error);

    public static ProjectFileRead Missing(string error) => new(null, error) { IsMissing = true };
}
