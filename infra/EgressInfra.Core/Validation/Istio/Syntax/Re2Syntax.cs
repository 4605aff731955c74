using System.Text;

namespace EgressInfra.Core.Validation.Istio.Syntax;

/// <summary>
/// Whether Go's <c>regexp.Compile</c> (RE2 syntax with Perl extensions, the parser Istio's
/// validateStringRegexp uses) accepts a pattern. .NET's own parser disagrees in both directions
/// (it accepts lookaround, <c>\Z</c>, <c>\u0041</c>, <c>(?#...)</c>, <c>x{5000}</c>; it rejects
/// <c>(?P&lt;name&gt;...)</c>, <c>\Q...\E</c>, <c>\pL</c>, <c>\x{41}</c>, <c>(?U)</c>), so the pattern
/// is walked the way Go's parser walks it: only syntax is judged, nothing is compiled or run.
/// </summary>
public static class Re2Syntax
{
    /// <summary>Go's maxRepeat: a counted repetition may not exceed 1000.</summary>
    private const int MaxRepeat = 1000;

    /// <summary>Null when Go accepts the pattern, else why it does not.</summary>
    public static string? Problem(string pattern)
    {
        if (!IsWellFormedUtf16(pattern))
        {
            return "the pattern is not valid UTF-8";
        }

        return new Walker(pattern).Run();
    }

    private static bool IsWellFormedUtf16(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Walker(string s)
    {
        private int pos;
        private int openGroups;

        // True when the top of Go's parse stack is an expression a repetition can apply to
        // (false at the start, after '(' or '|': Go reports "missing argument to repetition operator").
        private bool haveOperand;

        public string? Run()
        {
            var lastWasRepeat = false;
            while (pos < s.Length)
            {
                var isRepeat = false;
                var problem = s[pos] switch
                {
                    '(' => OpenGroup(),
                    '|' => Bar(),
                    ')' => CloseGroup(),
                    '[' => Class(),
                    '*' or '+' or '?' => Repeat(1, lastWasRepeat, ref isRepeat),
                    '{' => Brace(lastWasRepeat, ref isRepeat),
                    '\\' => Escape(),
                    _ => Literal(),
                };
                if (problem is not null)
                {
                    return problem;
                }

                lastWasRepeat = isRepeat;
            }

            return openGroups > 0 ? "missing closing )" : null;
        }

        private string? Literal()
        {
            pos += char.IsHighSurrogate(s[pos]) ? 2 : 1;
            haveOperand = true;
            return null;
        }

        private string? Bar()
        {
            pos++;
            haveOperand = false;
            return null;
        }

        private string? CloseGroup()
        {
            if (openGroups == 0)
            {
                return "unexpected )";
            }

            openGroups--;
            pos++;
            // An empty group still leaves an (empty) expression that can be repeated.
            haveOperand = true;
            return null;
        }

        private string? OpenGroup()
        {
            if (pos + 1 >= s.Length || s[pos + 1] != '?')
            {
                pos++;
                openGroups++;
                haveOperand = false;
                return null;
            }

            return PerlGroup();
        }

        /// <summary>(?P&lt;name&gt;, (?&lt;name&gt;, (?flags) and (?flags: as parsePerlFlags reads them.</summary>
        private string? PerlGroup()
        {
            var rest = s.AsSpan(pos);
            var withP = rest.Length > 4 && rest[2] == 'P' && rest[3] == '<';
            var withName = rest.Length > 3 && rest[2] == '<';
            if (withP || withName)
            {
                var end = rest.IndexOf('>');
                if (end < 0)
                {
                    return "invalid named capture";
                }

                var name = rest[(withP ? 4 : 3)..end];
                if (name.Length == 0 || !AllWordChars(name))
                {
                    return $"invalid named capture: {rest[..(end + 1)].ToString()}";
                }

                pos += end + 1;
                openGroups++;
                haveOperand = false;
                return null;
            }

            var i = 2;
            var negated = false;
            var sawFlag = false;
            while (i < rest.Length)
            {
                var c = rest[i++];
                switch (c)
                {
                    case 'i' or 'm' or 's' or 'U':
                        sawFlag = true;
                        continue;
                    case '-' when !negated:
                        negated = true;
                        sawFlag = false;
                        continue;
                    case ':' or ')' when !negated || sawFlag:
                        pos += i;
                        if (c == ':')
                        {
                            openGroups++;
                            haveOperand = false;
                        }

                        return null;
                }

                break;
            }

            return $"invalid or unsupported Perl syntax: {rest[..i].ToString()} (RE2 has no lookaround, comments or other group kinds)";
        }

        private static bool AllWordChars(ReadOnlySpan<char> name)
        {
            foreach (var c in name)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        private string? Repeat(int length, bool lastWasRepeat, ref bool isRepeat)
        {
            var start = pos;
            pos += length;
            if (pos < s.Length && s[pos] == '?')
            {
                pos++;
            }

            if (lastWasRepeat)
            {
                return $"invalid nested repetition operator near {s[start..pos]}";
            }

            if (!haveOperand)
            {
                return $"missing argument to repetition operator: {s[start..pos]}";
            }

            isRepeat = true;
            return null;
        }

        private string? Brace(bool lastWasRepeat, ref bool isRepeat)
        {
            if (!TryCount(out var length, out var min, out var max))
            {
                // Not of the form {n}, {n,} or {n,m}: Go takes '{' literally.
                return Literal();
            }

            if (min < 0 || min > MaxRepeat || max > MaxRepeat || (max >= 0 && min > max))
            {
                return $"invalid repeat count: {s.Substring(pos, length)} (at most {MaxRepeat})";
            }

            return Repeat(length, lastWasRepeat, ref isRepeat);
        }

        /// <summary>parseRepeat: {min}, {min,} or {min,max}; numbers without leading zeros; too big gives min -1.</summary>
        private bool TryCount(out int length, out int min, out int max)
        {
            length = 0;
            max = 0;
            var i = pos + 1;
            if (!TryInt(ref i, out min))
            {
                return false;
            }

            if (i >= s.Length)
            {
                return false;
            }

            if (s[i] != ',')
            {
                max = min;
            }
            else
            {
                i++;
                if (i >= s.Length)
                {
                    return false;
                }

                if (s[i] == '}')
                {
                    max = -1;
                }
                else if (!TryInt(ref i, out max))
                {
                    return false;
                }
                else if (max < 0)
                {
                    min = -1;
                }
            }

            if (i >= s.Length || s[i] != '}')
            {
                return false;
            }

            length = i + 1 - pos;
            return true;
        }

        private bool TryInt(ref int i, out int value)
        {
            value = 0;
            if (i >= s.Length || !char.IsAsciiDigit(s[i]) || (s[i] == '0' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])))
            {
                return false;
            }

            for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
            {
                if (value >= 100_000_000)
                {
                    value = -1;
                }
                else if (value >= 0)
                {
                    value = (value * 10) + (s[i] - '0');
                }
            }

            return true;
        }

        private string? Escape()
        {
            if (pos + 1 < s.Length)
            {
                switch (s[pos + 1])
                {
                    case 'A' or 'b' or 'B' or 'z':
                        pos += 2;
                        haveOperand = true;
                        return null;
                    case 'C':
                        return "invalid escape sequence: \\C";
                    case 'Q':
                        var end = s.IndexOf("\\E", pos + 2, StringComparison.Ordinal);
                        var literalEnd = end < 0 ? s.Length : end;
                        haveOperand |= literalEnd > pos + 2;
                        pos = end < 0 ? s.Length : end + 2;
                        return null;
                }
            }

            if (UnicodeClass(out var problem) || problem is not null)
            {
                haveOperand = problem is null;
                return problem;
            }

            if (PerlClass())
            {
                haveOperand = true;
                return null;
            }

            problem = EscapedChar();
            haveOperand = problem is null;
            return problem;
        }

        private bool PerlClass()
        {
            if (pos + 1 < s.Length && s[pos + 1] is 'd' or 'D' or 's' or 'S' or 'w' or 'W')
            {
                pos += 2;
                return true;
            }

            return false;
        }

        /// <summary>parseUnicodeClass: \pL, \p{Name}, \P{^Name}; true when one was read, problem when it was bad.</summary>
        private bool UnicodeClass(out string? problem)
        {
            problem = null;
            if (pos + 1 >= s.Length || (s[pos + 1] != 'p' && s[pos + 1] != 'P'))
            {
                return false;
            }

            string name;
            int next;
            if (pos + 2 < s.Length && s[pos + 2] == '{')
            {
                var end = s.IndexOf('}', pos + 2);
                if (end < 0)
                {
                    problem = $"invalid character class range: {s[pos..]}";
                    return false;
                }

                name = s[(pos + 3)..end];
                next = end + 1;
            }
            else
            {
                var width = pos + 2 < s.Length && char.IsHighSurrogate(s[pos + 2]) ? 2 : 1;
                name = pos + 2 < s.Length ? s.Substring(pos + 2, width) : string.Empty;
                next = Math.Min(s.Length, pos + 2 + width);
            }

            if (name.StartsWith('^'))
            {
                name = name[1..];
            }

            if (!Re2UnicodeNames.IsKnown(name))
            {
                problem = $"invalid character class range: {s[pos..next]} (not a Unicode category or script Go knows)";
                return false;
            }

            pos = next;
            return true;
        }

        /// <summary>parseEscape: punctuation, octal, \x, and the C escapes \a \f \n \r \t \v; nothing else.</summary>
        private string? EscapedChar()
        {
            if (pos + 1 >= s.Length)
            {
                return "trailing backslash at end of expression";
            }

            var start = pos;
            var c = s[pos + 1];
            pos += 2;
            if (c < 0x80 && !char.IsAsciiLetterOrDigit(c))
            {
                return null;
            }

            switch (c)
            {
                case >= '1' and <= '7' when pos < s.Length && s[pos] is >= '0' and <= '7':
                case '0':
                    for (var i = 1; i < 3 && pos < s.Length && s[pos] is >= '0' and <= '7'; i++)
                    {
                        pos++;
                    }

                    return null;
                case 'x':
                    return HexEscape(start);
                case 'a' or 'f' or 'n' or 'r' or 't' or 'v':
                    return null;
            }

            return $"invalid escape sequence: {s[start..Math.Min(s.Length, start + 2 + (char.IsHighSurrogate(c) ? 1 : 0))]} (RE2 has no backreferences, \\Z, \\G, \\e, \\u or \\k)";
        }

        private string? HexEscape(int start)
        {
            if (pos < s.Length && s[pos] == '{')
            {
                var digits = 0;
                var value = 0L;
                for (pos++; pos < s.Length && s[pos] != '}'; pos++)
                {
                    var v = HexValue(s[pos]);
                    if (v < 0 || (value = (value * 16) + v) > 0x10FFFF)
                    {
                        return $"invalid escape sequence: {s[start..Math.Min(s.Length, pos + 1)]}";
                    }

                    digits++;
                }

                if (pos >= s.Length || digits == 0)
                {
                    return $"invalid escape sequence: {s[start..Math.Min(s.Length, pos + 1)]}";
                }

                pos++;
                return null;
            }

            if (pos + 1 < s.Length && HexValue(s[pos]) >= 0 && HexValue(s[pos + 1]) >= 0)
            {
                pos += 2;
                return null;
            }

            return $"invalid escape sequence: {s[start..Math.Min(s.Length, pos + 2)]}";
        }

        private static int HexValue(char c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };

        /// <summary>parseClass: [...] with POSIX [:name:], \p classes, Perl classes, escapes and ranges lo-hi (lo &lt;= hi).</summary>
        private string? Class()
        {
            var whole = pos;
            pos++;
            if (pos < s.Length && s[pos] == '^')
            {
                pos++;
            }

            var first = true;
            while (pos >= s.Length || s[pos] != ']' || first)
            {
                first = false;
                if (pos + 2 < s.Length && s[pos] == '[' && s[pos + 1] == ':')
                {
                    var close = s.IndexOf(":]", pos + 2, StringComparison.Ordinal);
                    if (close >= 0)
                    {
                        var name = s[pos..(close + 2)];
                        if (!PosixClasses.Contains(name))
                        {
                            return $"invalid character class range: {name}";
                        }

                        pos = close + 2;
                        continue;
                    }
                }

                if (UnicodeClass(out var problem))
                {
                    continue;
                }

                if (problem is not null)
                {
                    return problem;
                }

                if (PerlClass())
                {
                    continue;
                }

                var rangeStart = pos;
                if (ClassChar(whole, out var lo) is { } loProblem)
                {
                    return loProblem;
                }

                if (pos + 1 < s.Length && s[pos] == '-' && s[pos + 1] != ']')
                {
                    pos++;
                    if (ClassChar(whole, out var hi) is { } hiProblem)
                    {
                        return hiProblem;
                    }

                    if (hi < lo)
                    {
                        return $"invalid character class range: {s[rangeStart..pos]}";
                    }
                }
            }

            pos++;
            haveOperand = true;
            return null;
        }

        private string? ClassChar(int whole, out int rune)
        {
            rune = 0;
            if (pos >= s.Length)
            {
                return $"missing closing ]: {s[whole..]}";
            }

            if (s[pos] != '\\')
            {
                rune = char.ConvertToUtf32(s, pos);
                pos += char.IsHighSurrogate(s[pos]) ? 2 : 1;
                return null;
            }

            var start = pos;
            var problem = EscapedChar();
            rune = problem is null ? EscapedValue(s[start..pos]) : 0;
            return problem;
        }

        /// <summary>The code point an accepted escape stands for (only needed to order range ends).</summary>
        private static int EscapedValue(string escape)
        {
            var body = escape[1..];
            return body[0] switch
            {
                >= '0' and <= '7' => Convert.ToInt32(body, 8),
                'x' when body.Length > 1 && body[1] == '{' => Convert.ToInt32(body[2..^1], 16),
                'x' => Convert.ToInt32(body[1..], 16),
                'a' => 7,
                'f' => 12,
                'n' => 10,
                'r' => 13,
                't' => 9,
                'v' => 11,
                _ => body[0],
            };
        }

        private static readonly HashSet<string> PosixClasses = BuildPosix();

        private static HashSet<string> BuildPosix()
        {
            var names = new[] { "alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space", "upper", "word", "xdigit" };
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var n in names)
            {
                set.Add($"[:{n}:]");
                set.Add($"[:^{n}:]");
            }

            return set;
        }
    }

    /// <summary>Kept for callers that need the byte length Go's len() measures.</summary>
    public static int Utf8Length(string s) => Encoding.UTF8.GetByteCount(s);
}
