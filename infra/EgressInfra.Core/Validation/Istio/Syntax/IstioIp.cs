using System.Buffers;

namespace EgressInfra.Core.Validation.Istio.Syntax;

/// <summary>
/// IP and CIDR syntax exactly as Go's <c>net/netip</c> (<c>ParseAddr</c>, <c>ParsePrefix</c>) accepts it,
/// which is what Istio uses. .NET's IPAddress/IPNetwork parsers are deliberately not used: they accept
/// forms Go rejects (<c>127.1</c>, <c>010.0.0.1</c>, <c>1</c>), and their prefix rules have changed
/// between .NET versions.
/// </summary>
public static class IstioIp
{
    private static readonly SearchValues<char> DigitsAndDots = SearchValues.Create("0123456789.");

    /// <summary>
    /// Digits and dots only, at least one dot: text meant as IPv4, valid or not (<c>127.1</c>, <c>010.0.0.1</c>).
    /// Used to explain a rejection, never to accept.
    /// </summary>
    public static bool LooksLikeIpv4(ReadOnlySpan<char> s) => s.Contains('.') && !s.ContainsAnyExcept(DigitsAndDots);

    /// <summary>Go <c>netip.ParseAddr</c>: dotted-quad IPv4 without leading zeros, or IPv6 (zone allowed).</summary>
    public static bool IsAddress(ReadOnlySpan<char> s) => ParseAddr(s, out _, out _);

    /// <summary>Go <c>netip.ParsePrefix</c>: an address, '/', and a prefix length in range. Host bits may be set; no zone.</summary>
    public static bool IsPrefix(ReadOnlySpan<char> s) => CheckPrefix(s) == PrefixProblem.None;

    /// <summary>
    /// Istio <c>ValidateIPSubnet</c>: a string with exactly one '/' must be a prefix, anything else an address.
    /// </summary>
    public static bool IsAddressOrPrefix(string s) => s.AsSpan().Count('/') == 1 ? IsPrefix(s) : IsAddress(s);

    /// <summary>Why <see cref="IsPrefix"/> failed, for messages.</summary>
    public static PrefixProblem CheckPrefix(ReadOnlySpan<char> s)
    {
        var slash = s.LastIndexOf('/');
        if (slash < 0)
        {
            return PrefixProblem.NoSlash;
        }

        if (!ParseAddr(s[..slash], out var isV6, out var hasZone))
        {
            return PrefixProblem.BadAddress;
        }

        if (hasZone)
        {
            return PrefixProblem.Zone;
        }

        // Go rejects a sign or a leading zero in the length ("/08", "/+8") before calling Atoi.
        var bits = s[(slash + 1)..];
        if (bits.Length > 1 && bits[0] is < '1' or > '9')
        {
            return PrefixProblem.BadLength;
        }

        if (!GoText.TryAtoi(bits, out var n))
        {
            return PrefixProblem.BadLength;
        }

        return n >= 0 && n <= (isV6 ? 128 : 32) ? PrefixProblem.None : PrefixProblem.LengthOutOfRange;
    }

    private static bool ParseAddr(ReadOnlySpan<char> s, out bool isV6, out bool hasZone)
    {
        isV6 = false;
        hasZone = false;

        // Go decides the family by the first '.', ':' or '%'.
        foreach (var c in s)
        {
            switch (c)
            {
                case '.':
                    return ParseV4(s);
                case ':':
                    isV6 = true;
                    return ParseV6(s, out hasZone);
                case '%':
                    return false;
                default:
                    break;
            }
        }

        return false;
    }

    /// <summary>Go <c>parseIPv4Fields</c>: four decimal fields 0..255, each non-empty, no leading zero.</summary>
    private static bool ParseV4(ReadOnlySpan<char> s)
    {
        var value = 0;
        var fields = 0;
        var digits = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                if (digits == 1 && value == 0)
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
                digits++;
                if (value > 255)
                {
                    return false;
                }
            }
            else if (c == '.')
            {
                if (i == 0 || i == s.Length - 1 || s[i - 1] == '.' || fields == 3)
                {
                    return false;
                }

                fields++;
                value = 0;
                digits = 0;
            }
            else
            {
                return false;
            }
        }

        return fields == 3;
    }

    /// <summary>Go <c>parseIPv6</c>: hextets of 1–4 hex digits, at most one '::', optional trailing IPv4, optional zone.</summary>
    private static bool ParseV6(ReadOnlySpan<char> s, out bool hasZone)
    {
        hasZone = false;
        var percent = s.IndexOf('%');
        if (percent >= 0)
        {
            if (percent == s.Length - 1)
            {
                return false;
            }

            hasZone = true;
            s = s[..percent];
        }

        var ellipsis = -1;
        if (s.Length >= 2 && s[0] == ':' && s[1] == ':')
        {
            ellipsis = 0;
            s = s[2..];
            if (s.Length == 0)
            {
                return true;
            }
        }

        var i = 0;
        while (i < 16)
        {
            var off = 0;
            for (; off < s.Length && char.IsAsciiHexDigit(s[off]); off++)
            {
                if (off > 3)
                {
                    return false;
                }
            }

            if (off == 0)
            {
                return false;
            }

            if (off < s.Length && s[off] == '.')
            {
                // An embedded IPv4 must fill the last 32 bits (or follow a '::').
                if ((ellipsis < 0 && i != 12) || i + 4 > 16 || !ParseV4(s))
                {
                    return false;
                }

                i += 4;
                s = [];
                break;
            }

            i += 2;
            s = s[off..];
            if (s.Length == 0)
            {
                break;
            }

            if (s[0] != ':' || s.Length == 1)
            {
                return false;
            }

            s = s[1..];
            if (s[0] == ':')
            {
                if (ellipsis >= 0)
                {
                    return false;
                }

                ellipsis = i;
                s = s[1..];
                if (s.Length == 0)
                {
                    break;
                }
            }
        }

        if (s.Length != 0)
        {
            return false;
        }

        // Without '::' all 8 groups are needed; with it, '::' must stand for at least one group.
        return i < 16 ? ellipsis >= 0 : ellipsis < 0;
    }
}

/// <summary>Why a CIDR block failed to parse.</summary>
public enum PrefixProblem
{
    None,
    NoSlash,
    BadAddress,
    Zone,
    BadLength,
    LengthOutOfRange,
}
