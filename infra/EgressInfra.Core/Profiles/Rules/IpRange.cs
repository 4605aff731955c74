using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>An IPv4 or IPv6 range in CIDR form; a bare address is a range of one (/32 or /128).</summary>
public readonly record struct IpRange(IPAddress Network, int PrefixLength)
{
    public bool IsIPv6 => Network.AddressFamily == AddressFamily.InterNetworkV6;

    public static bool TryParse(string text, out IpRange range)
    {
        range = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out var address))
        {
            return false;
        }

        var max = address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
        var prefix = max;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > max))
        {
            return false;
        }

        range = new IpRange(address, prefix);
        return true;
    }

    /// <summary>True when the two ranges share at least one address.</summary>
    public bool Overlaps(IpRange other)
    {
        if (Network.AddressFamily != other.Network.AddressFamily)
        {
            return false;
        }

        var a = Network.GetAddressBytes();
        var b = other.Network.GetAddressBytes();
        var bits = Math.Min(PrefixLength, other.PrefixLength);
        for (var i = 0; i < bits; i++)
        {
            var mask = 0x80 >> (i % 8);
            if ((a[i / 8] & mask) != (b[i / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Network}/{PrefixLength}");
}
