using System.Runtime.InteropServices;

namespace EgressInfra.Files;

/// <summary>
/// The kind and identity of a file from the C library's <c>stat</c>. .NET reports a FIFO, a socket and
/// a device as ordinary files, and opening a FIFO blocks until some writer appears, so the kind has to
/// be known before the file is opened. Only the layouts of Linux x64 and arm64 are read; elsewhere the
/// answer is <see cref="FileKind.Unknown"/> and files are read as before.
/// </summary>
public static partial class NativeStat
{
    /// <summary>Device and inode: the same real file reached through different paths has the same identity.</summary>
    public readonly record struct FileIdentity(ulong Device, ulong Inode);

    public readonly record struct Status(FileKind Kind, FileIdentity? Identity);

    private const int ErrNoEnt = 2;
    private const int ErrNotDir = 20;
    private const int ErrLoop = 40;

    public static Status Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux() || ModeOffset() is not { } modeOffset)
        {
            return Fallback(path);
        }

        var buffer = new byte[256];
        int result;
        try
        {
            result = CallStat(path, buffer);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return Fallback(path);
        }

        if (result != 0)
        {
            return Marshal.GetLastPInvokeError() switch
            {
                ErrLoop => new Status(FileKind.LinkLoop, null),
                ErrNoEnt or ErrNotDir => new Status(FileKind.Missing, null),
                _ => Fallback(path),
            };
        }

        var mode = BitConverter.ToUInt32(buffer, modeOffset) & 0xF000;
        var identity = new FileIdentity(BitConverter.ToUInt64(buffer, 0), BitConverter.ToUInt64(buffer, 8));
        var kind = mode switch
        {
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x4000 => FileKind.Directory,
            0x6000 => FileKind.BlockDevice,
            0x8000 => FileKind.Regular,
            0xC000 => FileKind.Socket,
            _ => FileKind.Unknown,
        };
        return new Status(kind, identity);
    }

    /// <summary>Where <c>st_mode</c> sits in <c>struct stat</c>; device and inode are the first two 64-bit fields on both.</summary>
    private static int? ModeOffset() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 24,
        Architecture.Arm64 => 16,
        _ => null,
    };

    private static Status Fallback(string path)
    {
        if (Directory.Exists(path))
        {
            return new Status(FileKind.Directory, null);
        }

        return File.Exists(path) ? new Status(FileKind.Unknown, null) : new Status(FileKind.Missing, null);
    }

    private static unsafe int CallStat(string path, byte[] buffer)
    {
        fixed (byte* status = buffer)
        {
            try
            {
                return Stat(path, status);
            }
            catch (EntryPointNotFoundException)
            {
                // glibc before 2.33 exports stat only through __xstat, whose version argument is 1 on x64 and 0 on arm64.
                return XStat(RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 1 : 0, path, status);
            }
        }
    }

    /// <summary>
    /// The absolute path with every symbolic link, '.' and '..' resolved (the C library's <c>realpath</c>),
    /// so that a caller can tell where a link really leads; null when it cannot be told (nothing there, a
    /// loop, or an OS where only the layouts above are read).
    /// </summary>
    public static string? RealPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        IntPtr resolved;
        try
        {
            resolved = CallRealPath(path, IntPtr.Zero);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial IntPtr CallRealPath(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(IntPtr pointer);

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int Stat(string path, byte* status);

    [LibraryImport("libc", EntryPoint = "__xstat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int XStat(int version, string path, byte* status);
}
