using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace EgressInfra.Core.Analysis;

/// <summary>
/// An <c>addresses</c> item as an inclusive range of one address family: a bare IP is a range of
/// one, a CIDR covers its whole prefix (host bits may be set, as Go's netip allows).
/// </summary>
internal readonly record struct AddressRange(AddressFamily Family, UInt128 Start, UInt128 End)
{
    /// <summary>Parses an address as Istio accepts it; anything else is left to validation and skipped here.</summary>
    public static bool TryParse(string text, out AddressRange range)
    {
        range = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var ipText = slash < 0 ? text.AsSpan() : text.AsSpan(0, slash);
        if (ipText.Contains('%') || !IPAddress.TryParse(ipText, out var ip))
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
        range = new AddressRange(ip.AddressFamily, value & ~hostMask, value | hostMask);
        return true;
    }

    public bool Overlaps(AddressRange other) => Family == other.Family && Start <= other.End && other.Start <= End;
}
