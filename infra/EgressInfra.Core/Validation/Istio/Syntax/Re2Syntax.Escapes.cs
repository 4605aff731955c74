namespace EgressInfra.Core.Validation.Istio.Syntax;

/// <summary>Escapes as Go reads them: Perl and Unicode classes, octal, hex and the C escapes.</summary>
public static partial class Re2Syntax
{
    private sealed partial class Walker
    {
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
    }
}
