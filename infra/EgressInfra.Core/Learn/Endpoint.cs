using System.Globalization;
using System.Net;

namespace EgressInfra.Core.Learn;

/// <summary>Splits the address:port Envoy logs (<c>10.0.0.1:443</c>, <c>[2001:db8::1]:443</c>) and the host[:port] of an authority.</summary>
public static class Endpoint
{
    public static bool TryParse(string text, out IPAddress address, out int port)
    {
        address = IPAddress.None;
        port = 0;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            return false;
        }

        var host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        else if (host.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        return IPAddress.TryParse(host, out address!) && (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 || !host.Contains(':', StringComparison.Ordinal));
    }

    /// <summary>The host of an authority without its port (<c>api.example.com:8080</c>, <c>[::1]:80</c>), lower-cased.</summary>
    public static string AuthorityHost(string authority)
    {
        var text = authority.Trim();
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? text[1..close] : text;
        }

        var colon = text.LastIndexOf(':');
        return (colon > 0 && text.IndexOf(':', StringComparison.Ordinal) == colon ? text[..colon] : text).ToLowerInvariant();
    }
}
