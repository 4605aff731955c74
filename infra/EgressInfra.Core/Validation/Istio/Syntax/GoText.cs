namespace EgressInfra.Core.Validation.Istio.Syntax;

/// <summary>
/// The few Go standard-library string behaviours Istio's rules depend on, reproduced exactly so that
/// verdicts do not drift with .NET's more lenient (or culture-aware) parsing.
/// </summary>
public static class GoText
{
    /// <summary>
    /// Go <c>strconv.Atoi</c> success: an optional '+' or '-', then one or more ASCII digits, with a
    /// value that fits in a 64-bit int (Go reports overflow as an error). No spaces, no underscores.
    /// </summary>
    public static bool IsAtoi(ReadOnlySpan<char> s) => TryAtoi(s, out _);

    public static bool TryAtoi(ReadOnlySpan<char> s, out long value)
    {
        value = 0;
        var negative = false;
        if (s.Length > 0 && (s[0] == '+' || s[0] == '-'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s.Length == 0)
        {
            return false;
        }

        // Accumulate as a negative number so that long.MinValue fits.
        long acc = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            var digit = c - '0';
            if (acc < (long.MinValue + digit) / 10)
            {
                return false;
            }

            acc = (acc * 10) - digit;
        }

        if (!negative && acc == long.MinValue)
        {
            return false;
        }

        value = negative ? acc : -acc;
        return true;
    }

    /// <summary>
    /// Whether Go's <c>strings.ToLower(s)</c> equals <paramref name="asciiLower"/>. Besides ASCII, Go lower-cases
    /// U+0130 (İ) to 'i' and U+212A (Kelvin sign) to 'k'; no other character lower-cases to ASCII.
    /// </summary>
    public static bool ToLowerEquals(string s, string asciiLower)
    {
        if (s.Length != asciiLower.Length)
        {
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i] switch
            {
                >= 'A' and <= 'Z' => (char)(s[i] | 0x20),
                '\u0130' => 'i',
                '\u212A' => 'k',
                _ => s[i],
            };
            if (c != asciiLower[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Go <c>strings.EqualFold(s, asciiLower)</c> for an ASCII lower-case target. Unicode simple folding
    /// also matches U+017F (long s) with 's' and U+212A (Kelvin sign) with 'k'.
    /// </summary>
    public static bool EqualFold(string s, string asciiLower)
    {
        if (s.Length != asciiLower.Length)
        {
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i] switch
            {
                >= 'A' and <= 'Z' => (char)(s[i] | 0x20),
                '\u017F' => 's',
                '\u212A' => 'k',
                _ => s[i],
            };
            if (c != asciiLower[i])
            {
                return false;
            }
        }

        return true;
    }
}
