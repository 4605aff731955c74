using System.Text;

namespace EgressInfra.Core.Validation.Istio.Syntax;

/// <summary>
/// Whether Go's <c>regexp.Compile</c> (RE2 syntax with Perl extensions, the parser Istio's
/// validateStringRegexp uses) accepts a pattern. .NET's own parser disagrees in both directions
/// (it accepts lookaround, <c>\Z</c>, <c>\u0041</c>, <c>(?#...)</c>, <c>x{5000}</c>; it rejects
/// <c>(?P&lt;name&gt;...)</c>, <c>\Q...\E</c>, <c>\pL</c>, <c>\x{41}</c>, <c>(?U)</c>), so the pattern
/// is walked the way Go's parser walks it: only syntax is judged, nothing is compiled or run.
/// </summary>
public static partial class Re2Syntax
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

    private sealed partial class Walker(string pattern)
    {
        private readonly string s = pattern;
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
    }

    /// <summary>A pattern's length as Go's len() measures it: UTF-8 bytes, not UTF-16 characters.</summary>
    public static int Utf8Length(string s) => Encoding.UTF8.GetByteCount(s);
}
