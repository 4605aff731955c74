namespace EgressInfra.Files;

/// <summary>What a path names, as the operating system sees it (symbolic links followed).</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,

    /// <summary>A named pipe: opening it for reading waits for a writer, possibly for ever.</summary>
    Fifo,
    Socket,
    CharacterDevice,
    BlockDevice,

    /// <summary>A symbolic link that leads back to itself.</summary>
    LinkLoop,

    /// <summary>The kind could not be found out (an OS without <c>stat</c> support here); treated as a regular file.</summary>
    Unknown,
}

public static class FileKindNames
{
    /// <summary>How a message names the kind: "X is a named pipe (FIFO)".</summary>
    public static string Describe(this FileKind kind) => kind switch
    {
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.Socket => "a socket",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Directory => "a directory",
        FileKind.LinkLoop => "a symbolic link loop",
        FileKind.Missing => "missing",
        _ => "a file",
    };

    /// <summary>Kinds that are never opened: reading them may block or never end.</summary>
    public static bool IsSpecial(this FileKind kind) =>
        kind is FileKind.Fifo or FileKind.Socket or FileKind.CharacterDevice or FileKind.BlockDevice;
}
