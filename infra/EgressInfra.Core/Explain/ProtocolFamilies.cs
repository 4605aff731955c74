using EgressInfra.Core.Config;

namespace EgressInfra.Core.Explain;

/// <summary>Which family a protocol belongs to, and what a client on a port most likely speaks.</summary>
public static class ProtocolFamilies
{
    /// <summary>Ports whose protocol speaks first from the server: FTP, SMTP, POP3, IMAP, submission, MySQL.</summary>
    private static readonly int[] ServerFirstPorts = [21, 25, 110, 143, 587, 3306];

    public static ProtocolFamily Of(ServiceProtocol protocol) => protocol switch
    {
        ServiceProtocol.Http or ServiceProtocol.Http2 or ServiceProtocol.Grpc or ServiceProtocol.GrpcWeb or ServiceProtocol.HttpProxy => ProtocolFamily.Http,
        ServiceProtocol.Https or ServiceProtocol.Tls => ProtocolFamily.Tls,
        ServiceProtocol.Udp => ProtocolFamily.Udp,
        _ => ProtocolFamily.Tcp,
    };

    /// <summary>True when the client waits for the server's greeting (Istio's protocol selection cannot sniff these, F13).</summary>
    public static bool IsServerFirst(ServiceProtocol protocol, int port) =>
        protocol == ServiceProtocol.MySql || (Of(protocol) == ProtocolFamily.Tcp && ServerFirstPorts.Contains(port));

    /// <summary>The protocol a client on <paramref name="port"/> most likely speaks, when neither the question nor the stack says.</summary>
    public static ServiceProtocol Assume(int port) => port switch
    {
        80 or 8080 => ServiceProtocol.Http,
        443 or 8443 => ServiceProtocol.Tls,
        3306 => ServiceProtocol.MySql,
        _ => ServiceProtocol.Tcp,
    };
}
