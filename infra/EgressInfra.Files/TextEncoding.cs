using System.Text;

namespace EgressInfra.Files;

/// <summary>
/// An encoding YAML allows (UTF-8, UTF-16, UTF-32), found the way the YAML spec's "encoding
/// deduction" does: a byte-order mark, or else the pattern of NUL bytes around the first character,
/// which is always ASCII in a YAML file.
/// </summary>
public sealed record TextEncoding(string Name, Encoding Strict, int BomLength)
{
    public bool IsUtf8 => Strict is UTF8Encoding;

    public static readonly TextEncoding Utf8 = new("UTF-8", new UTF8Encoding(false, true), 0);

    public static TextEncoding Detect(ReadOnlySpan<byte> b)
    {
        if (b is [0x00, 0x00, 0xFE, 0xFF, ..])
        {
            return new("UTF-32BE", new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4);
        }

        if (b is [0xFF, 0xFE, 0x00, 0x00, ..])
        {
            return new("UTF-32LE", new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4);
        }

        if (b is [0xFE, 0xFF, ..])
        {
            return new("UTF-16BE", new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        if (b is [0xFF, 0xFE, ..])
        {
            return new("UTF-16LE", new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        if (b is [0xEF, 0xBB, 0xBF, ..])
        {
            return Utf8 with { BomLength = 3 };
        }

        // No mark: YAML's first character is ASCII, so its NUL bytes give the width and byte order away.
        return b switch
        {
            [0x00, 0x00, 0x00, not 0x00, ..] => new("UTF-32BE", new UTF32Encoding(true, false, true), 0),
            [not 0x00, 0x00, 0x00, 0x00, ..] => new("UTF-32LE", new UTF32Encoding(false, false, true), 0),
            [0x00, not 0x00, ..] => new("UTF-16BE", new UnicodeEncoding(true, false, true), 0),
            [not 0x00, 0x00, ..] => new("UTF-16LE", new UnicodeEncoding(false, false, true), 0),
            _ => Utf8,
        };
    }
}
