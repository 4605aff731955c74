namespace EgressInfra.Core.Validation.Istio.Syntax;

/// <summary>Bracketed character classes as Go's parseClass reads them.</summary>
public static partial class Re2Syntax
{
    private sealed partial class Walker
    {
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
}
