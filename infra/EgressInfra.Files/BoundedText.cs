using System.Globalization;
using System.Text;

namespace EgressInfra.Files;

/// <summary>
/// Reads input text within a <see cref="ReadBudget"/>: a file only when it is a regular file (a FIFO,
/// socket or device is refused before it is opened, since opening a FIFO waits for a writer, possibly
/// for ever), a stream in blocks until the budget runs out, and bytes decoded by their byte-order mark or
/// YAML's encoding detection (UTF-8, UTF-16, UTF-32). Binary input stops at the first block that shows
/// it, so <c>/dev/zero</c> on stdin costs one block. Every refusal is an <see cref="UnreadableInputException"/>.
/// </summary>
public static class BoundedText
{
    private const int BlockSize = 64 * 1024;

    /// <summary>What to do with content that is not in a regular file, said when one is refused.</summary>
    public const string SaveToFileAdvice = "save the content to a file first";

    /// <summary>Reads a file by name; <paramref name="what"/> says what was expected ("a stack file").</summary>
    public static string ReadFile(string path, ReadBudget budget, string what = "a file", string specialAdvice = SaveToFileAdvice)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(budget);
        var kind = NativeStat.Of(path).Kind;
        switch (kind)
        {
            case FileKind.Missing:
                throw new UnreadableInputException($"cannot read {path}: no such file", "no such file", missing: true);
            case FileKind.Directory:
                throw CannotRead(path, $"it is a directory, not {what}");
            case FileKind.LinkLoop:
                throw CannotRead(path, "it is a symbolic link loop");
            case var special when special.IsSpecial():
                throw CannotRead(path, $"it is {special.Describe()}, not a regular file; {specialAdvice}");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            return ReadStream(stream, path, budget);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw CannotRead(path, ex.Message);
        }
    }

    /// <summary>Reads a stream to its end or to the budget, whichever comes first, counting the bytes read.</summary>
    public static string ReadStream(Stream stream, string name, ReadBudget budget)
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
                var all = bytes.GetBuffer().AsSpan(encoding.BomLength, (int)bytes.Length - encoding.BomLength);
                throw Binary(name, Position(all, all.IndexOf((byte)0)));
            }
        }

        budget.Take(bytes.Length);
        return Decode(bytes.GetBuffer().AsSpan(0, (int)bytes.Length), name);
    }

    /// <summary>Reads already decoded text (a <see cref="TextReader"/> standing for stdin) against the same budget, counting UTF-8 bytes.</summary>
    public static string ReadText(TextReader reader, string name, ReadBudget budget)
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

            if (chunk.IndexOf('\0') is >= 0 and var nul)
            {
                text.Append(chunk[..nul]);
                var sofar = text.ToString();
                var line = sofar.Count('\n') + 1;
                var column = sofar.Length - (sofar.LastIndexOf('\n') + 1) + 1;
                throw Binary(name, string.Create(CultureInfo.InvariantCulture, $"line {line}, character {column}"));
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
        if (encoding.IsUtf8 && body.IndexOf((byte)0) is >= 0 and var nul)
        {
            throw Binary(name, Position(body, nul));
        }

        string text;
        try
        {
            text = encoding.Strict.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            var where = encoding.IsUtf8 ? $" from {Position(body, FirstInvalidUtf8(body))}" : string.Empty;
            var reason = $"is not {encoding.Name} text (it holds bytes that are not valid {encoding.Name}{where}); save it as UTF-8";
            throw new UnreadableInputException($"{name} {reason}", $"it {reason}");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            var reason = $"is {encoding.Name} text holding NUL characters, which YAML does not allow";
            throw new UnreadableInputException($"{name} {reason}", $"it {reason}");
        }

        return StripBom(text);
    }

    private static string StripBom(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;

    private static UnreadableInputException CannotRead(string path, string reason) => new($"cannot read {path}: {reason}", reason);

    private static UnreadableInputException TooLarge(string name, ReadBudget budget)
    {
        var reason = $"input is larger than the limit of {ReadBudget.Describe(budget.Limit)} (bytes read, not the reported size); {budget.RaiseHint}";
        return new($"{name}: {reason}", reason);
    }

    private static UnreadableInputException Binary(string name, string where)
    {
        var reason = $"is a binary file (it contains NUL bytes, the first at {where}), not YAML text; UTF-16 and UTF-32 are read when they start with a byte-order mark";
        return new($"{name} {reason}", $"it {reason}");
    }

    /// <summary>Where byte <paramref name="offset"/> of UTF-8 text is, as an editor counts: line and byte column, from 1.</summary>
    private static string Position(ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..offset];
        var line = before.Count((byte)'\n') + 1;
        var column = offset - (before.LastIndexOf((byte)'\n') + 1) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"line {line}, byte {column}");
    }

    /// <summary>The offset of the first byte that does not start a valid UTF-8 sequence.</summary>
    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return bytes.Length;
    }
}
