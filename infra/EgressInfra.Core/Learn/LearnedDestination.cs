using EgressInfra.Core.Config;

namespace EgressInfra.Core.Learn;

/// <summary>
/// One destination a namespace reached (through PassthroughCluster, under ALLOW_ANY) or tried to reach
/// (refused through BlackHoleCluster, under REGISTRY_ONLY), by host name when the traffic carried one
/// (TLS SNI, HTTP authority) and by the address dialled otherwise.
/// </summary>
public sealed class LearnedDestination(string ns, string? host, string? address, int port, ServiceProtocol protocol)
{
    public string Namespace { get; } = ns;

    public string? Host { get; } = host;

    public string? Address { get; } = address;

    public int Port { get; } = port;

    public ServiceProtocol Protocol { get; } = protocol;

    public int Passthrough { get; set; }

    public int BlackHole { get; set; }

    public int Count => Passthrough + BlackHole;

    public DateTimeOffset? FirstSeen { get; set; }

    public DateTimeOffset? LastSeen { get; set; }

    /// <summary>The log line where it was first seen: where a finding about it points.</summary>
    public Diagnostics.SourceLocation? FirstLine { get; set; }

    /// <summary>The host, or the address when the traffic named none.</summary>
    public string Target => Host ?? Address!;

    public void See(DateTimeOffset? time, bool refused)
    {
        if (refused)
        {
            BlackHole++;
        }
        else
        {
            Passthrough++;
        }

        if (time is { } t)
        {
            FirstSeen = FirstSeen is null || t < FirstSeen ? t : FirstSeen;
            LastSeen = LastSeen is null || t > LastSeen ? t : LastSeen;
        }
    }
}
