using System.Text;

namespace EgressInfra.Cli.Input;

/// <summary>
/// Reads input text with a byte budget: files only when they are regular files (a FIFO, socket or
/// device is refused before it is opened), streams in blocks until the budget runs out, and bytes
/// decoded by their byte-order mark or YAML's encoding detection (UTF-8, UTF-16, UTF-32). Binary
/// input stops at the first block that shows it, so <c>/dev/zero</c> on stdin costs one block.
/// </summary>
public static class InputText
{
    private const int BlockSize = 64 * 1024;

    /// <summary>The budget shared by every input of one run; each read takes from it.</summary>
    public sealed class Budget(long limit)
    {
        public long Limit { get; } = limit;

        public long Used { get; private set; }

        public long Remaining => Limit - Used;

        public void Take(long bytes) => Used += bytes;
    }

    /// <summary>Reads a file the user named; <paramref name="what"/> says what was expected ("a stack file").</summary>
    public static string ReadFile(string path, Budget budget, string what = "a file")
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(budget);
        var kind = NativeStat.Of(path).Kind;
        switch (kind)
        {
            case FileKind.Missing:
                throw new UsageException($"cannot read {path}: no such file");
            case FileKind.Directory:
                throw new UsageException($"cannot read {path}: it is a directory, not {what}");
            case FileKind.LinkLoop:
                throw new UsageException($"cannot read {path}: it is a symbolic link loop");
            case var special when special.IsSpecial():
                throw new UsageException($"cannot read {path}: it is {special.Describe()}, not a regular file; save the content to a file first{(what == "a manifest file" ? " or pipe it to 'lint -'" : string.Empty)}");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            return ReadStream(stream, path, budget);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot read {path}: {ex.Message}");
        }
    }

    /// <summary>Reads a stream to its end or to the budget, whichever comes first, counting the bytes read.</summary>
    public static string ReadStream(Stream stream, string name, Budget budget)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(budget);
        using var bytes = new MemoryStream();
        var block = new byte[BlockSize];
        TextEncoding? encoding = null;
        int read;
        while ((read = stream.Read(block, 0, block.Length)) > 0)
        {
            if (bytes.Length + read > budget.Remaining)
            {
                throw TooLarge(name, budget);
            }

            bytes.Write(block, 0, read);
            encoding ??= bytes.Length >= 4 ? TextEncoding.Detect(bytes.GetBuffer().AsSpan(0, 4)) : null;
            if (encoding is { IsUtf8: true } && block.AsSpan(0, read).Contains((byte)0))
            {
                throw Binary(name);
            }
        }

        budget.Take(bytes.Length);
        return Decode(bytes.GetBuffer().AsSpan(0, (int)bytes.Length), name);
    }

    /// <summary>Reads already decoded text (a <see cref="TextReader"/> standing for stdin) against the same budget, counting UTF-8 bytes.</summary>
    public static string ReadText(TextReader reader, string name, Budget budget)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(budget);
        var text = new StringBuilder();
        var block = new char[BlockSize];
        long bytes = 0;
        int read;
        while ((read = reader.ReadBlock(block, 0, block.Length)) > 0)
        {
            var chunk = block.AsSpan(0, read);
            bytes += Encoding.UTF8.GetByteCount(chunk);
            if (bytes > budget.Remaining)
            {
                throw TooLarge(name, budget);
            }

            if (chunk.Contains('\0'))
            {
                throw Binary(name);
            }

            text.Append(chunk);
        }

        budget.Take(bytes);
        return StripBom(text.ToString());
    }

    /// <summary>Decodes strictly: a binary or mis-encoded input is reported with what it looks like, never half-read.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string name)
    {
        var encoding = TextEncoding.Detect(bytes);
        var body = bytes[encoding.BomLength..];
        if (encoding.IsUtf8 && body.Contains((byte)0))
        {
            throw Binary(name);
        }

        string text;
        try
        {
            text = encoding.Strict.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            throw new UsageException($"{name} is not {encoding.Name} text (it holds bytes that are not valid {encoding.Name}); save it as UTF-8");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new UsageException($"{name} is {encoding.Name} text holding NUL characters, which YAML does not allow");
        }

        return StripBom(text);
    }

    private static string StripBom(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;

    private static UsageException TooLarge(string name, Budget budget) => new(
        $"{name}: input is larger than the limit of {InputLimit.Describe(budget.Limit)} (bytes read, not the reported size); "
        + $"raise it with {InputLimit.OptionName} or ${InputLimit.EnvironmentVariable} if the input is genuine");

    private static UsageException Binary(string name) =>
        new($"{name} is a binary file (it contains NUL bytes), not YAML text; UTF-16 and UTF-32 are read when they start with a byte-order mark");
}
