using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace EgressInfra.Core.Analysis;

/// <summary>
/// An <c>addresses</c> item as an inclusive range of one address family: a bare IP is a range of
/// one, a CIDR covers its whole prefix (host bits may be set, as Go's netip allows). The one
/// address-range type of the Core: the analysis and the profile rules both use it.
/// </summary>
internal readonly record struct AddressRange(AddressFamily Family, UInt128 Start, UInt128 End)
{
    /// <summary>The prefix length as written (32 or 128 for a bare address).</summary>
    public int PrefixLength { get; init; }

    /// <summary>The address as written, host bits included.</summary>
    public UInt128 Written { get; init; }

    public bool IsIPv6 => Family == AddressFamily.InterNetworkV6;

    /// <summary>True for <c>10.0.0.1/8</c>: the written address is not the range's network address.</summary>
    public bool HasHostBits => Written != Start;

    /// <summary>The range in canonical CIDR form, e.g. <c>10.0.0.0/8</c>.</summary>
    public string Canonical
    {
        get
        {
            var bytes = new byte[IsIPv6 ? 16 : 4];
            var value = Start;
            for (var i = bytes.Length - 1; i >= 0; i--)
            {
                bytes[i] = (byte)(value & 0xFF);
                value >>= 8;
            }

            return string.Create(CultureInfo.InvariantCulture, $"{new IPAddress(bytes)}/{PrefixLength}");
        }
    }

    /// <summary>Parses an address as Istio accepts it; anything else is left to validation and skipped here.</summary>
    public static bool TryParse(string text, out AddressRange range)
    {
        range = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var ipText = slash < 0 ? text.AsSpan() : text.AsSpan(0, slash);
        // Istio's syntax first (Go netip): .NET alone would also accept forms Istio rejects, like 127.1.
        if (ipText.Contains('%') || !Validation.Istio.Syntax.IstioIp.IsAddressOrPrefix(text) || !IPAddress.TryParse(ipText, out var ip))
        {
            return false;
        }

        var bits = ip.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = bits;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bits))
        {
            return false;
        }

        var bytes = ip.GetAddressBytes();
        UInt128 value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        var hostBits = bits - prefix;
        var hostMask = hostBits == 0 ? UInt128.Zero : hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        range = new AddressRange(ip.AddressFamily, value & ~hostMask, value | hostMask) { PrefixLength = prefix, Written = value };
        return true;
    }

    public override string ToString() => Canonical;

    /// <summary>
    /// Parses an address for the policy rules: a zone (<c>fe80::1%eth0</c>) is dropped first, so it
    /// never makes an address skip a rule; the webhook judges whether the zone itself is acceptable.
    /// </summary>
    public static bool TryParseIgnoringZone(string text, out AddressRange range)
    {
        var percent = text.IndexOf('%', StringComparison.Ordinal);
        if (percent >= 0)
        {
            var slash = text.IndexOf('/', percent);
            text = slash < 0 ? text[..percent] : string.Concat(text.AsSpan(0, percent), text.AsSpan(slash));
        }

        return TryParse(text, out range);
    }

    /// <summary>IPv4-mapped IPv6 (<c>::ffff:0:0/96</c>) and the NAT64 well-known prefix (<c>64:ff9b::/96</c>).</summary>
    private static readonly UInt128[] Ipv4Embeddings =
    [
        (UInt128)0xFFFF << 32,
        (UInt128)0x0064FF9B << 96,
    ];

    /// <summary>
    /// The IPv4 addresses an IPv6 range reaches through IPv4-mapped or NAT64 addresses, as an IPv4
    /// range (<c>::ffff:10.0.0.0/104</c> is 10.0.0.0/8; a range that contains a whole /96 embedding is
    /// 0.0.0.0/0), or null when it reaches none.
    /// </summary>
    public AddressRange? Ipv4View()
    {
        if (!IsIPv6)
        {
            return null;
        }

        var span = (UInt128.One << 32) - 1;
        foreach (var embedding in Ipv4Embeddings)
        {
            var last = embedding + span;
            if (Start <= embedding && End >= last)
            {
                return new AddressRange(AddressFamily.InterNetwork, 0, span) { PrefixLength = 0, Written = 0 };
            }

            if (Start >= embedding && End <= last)
            {
                return new AddressRange(AddressFamily.InterNetwork, Start - embedding, End - embedding)
                {
                    PrefixLength = Math.Max(0, PrefixLength - 96),
                    Written = Start - embedding,
                };
            }
        }

        return null;
    }

    /// <summary>How many addresses the range holds, saturated at <see cref="UInt128.MaxValue"/>.</summary>
    public UInt128 Size => End - Start == UInt128.MaxValue ? UInt128.MaxValue : End - Start + 1;

    public bool Overlaps(AddressRange other) => Family == other.Family && Start <= other.End && other.Start <= End;
}
