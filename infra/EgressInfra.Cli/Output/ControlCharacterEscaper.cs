using System.Globalization;
using System.Text;

namespace EgressInfra.Cli.Output;

/// <summary>
/// Everything egressctl prints passes through this writer, whatever the format: a control character
/// taken from the input (an escape sequence in a waiver reason, a NUL in a name, a carriage return
/// that rewinds the line, a bidirectional override that reorders it) is printed as <c>\u001b</c>, so
/// no input can move the cursor, erase lines or disguise text in a terminal or a CI log. Tab and line
/// feed pass: the formats themselves use them. The escape is valid inside JSON and YAML double-quoted
/// strings, the only places these characters can reach in those formats.
/// </summary>
public sealed class ControlCharacterEscaper(TextWriter inner) : TextWriter(CultureInfo.InvariantCulture)
{
    public TextWriter Inner { get; } = inner;

    public override Encoding Encoding => Inner.Encoding;

    public static bool NeedsEscape(char c) =>
        (c < ' ' && c != '\n' && c != '\t')
        || c is >= '\u007f' and <= '\u009f'
        || c is >= '\u202a' and <= '\u202e'
        || c is >= '\u2066' and <= '\u2069'
        || c is '\u200e' or '\u200f' or '\u061c';

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.AsSpan().ContainsAny(Special))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            Append(sb, c);
        }

        return sb.ToString();
    }

    public override void Write(char value)
    {
        if (NeedsEscape(value))
        {
            Inner.Write(Code(value));
        }
        else
        {
            Inner.Write(value);
        }
    }

    public override void Write(string? value)
    {
        if (value is not null)
        {
            Inner.Write(Escape(value));
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Write(new string(buffer));

    public override void Flush() => Inner.Flush();

    // Every character NeedsEscape accepts, as ranges: the writer is created on every run, and
    // scanning the first 0x2070 characters through LINQ cost a quarter of `egressctl --version`.
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(Ranges(
        ('\u0000', '\u0008'), ('\u000b', '\u001f'), ('\u007f', '\u009f'), ('\u061c', '\u061c'),
        ('\u200e', '\u200f'), ('\u202a', '\u202e'), ('\u2066', '\u2069')));

    private static string Ranges(params ReadOnlySpan<(char First, char Last)> ranges)
    {
        var sb = new StringBuilder();
        foreach (var (first, last) in ranges)
        {
            for (var c = first; c <= last; c++)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static void Append(StringBuilder sb, char c)
    {
        if (NeedsEscape(c))
        {
            sb.Append(Code(c));
        }
        else
        {
            sb.Append(c);
        }
    }

    private static string Code(char c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
}
