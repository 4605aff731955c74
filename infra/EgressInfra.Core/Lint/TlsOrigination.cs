using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Lint;

/// <summary>
/// Which host and port a DestinationRule in the linted set opens TLS for (mode SIMPLE or MUTUAL, for
/// the whole host or one port), so the restrictive profile does not call such an HTTP port cleartext:
/// the application speaks HTTP to its sidecar or gateway, and TLS leaves the cluster.
/// </summary>
public sealed class TlsOrigination
{
    private readonly HashSet<(string Host, long Port)> ports = [];
    private readonly HashSet<string> hosts = new(StringComparer.OrdinalIgnoreCase);

    public static TlsOrigination Empty { get; } = new();

    /// <summary>Reads one DestinationRule document; anything malformed simply adds nothing.</summary>
    public void Add(MappingNode destinationRule)
    {
        ArgumentNullException.ThrowIfNull(destinationRule);
        if (destinationRule["spec"] is not MappingNode spec || (spec["host"] as ScalarNode)?.Text is not { Length: > 0 } host)
        {
            return;
        }

        var policy = spec["trafficPolicy"] as MappingNode;
        if (Originates(policy))
        {
            hosts.Add(host);
        }

        foreach (var setting in (policy?["portLevelSettings"] as SequenceNode)?.Items.OfType<MappingNode>() ?? [])
        {
            if (Originates(setting) && ((setting["port"] as MappingNode)?["number"] as ScalarNode)?.Text is { } text && long.TryParse(text, out var number))
            {
                ports.Add((host.ToLowerInvariant(), number));
            }
        }
    }

    public bool Covers(string host, long port) =>
        hosts.Contains(host) || ports.Contains((host.ToLowerInvariant(), port));

    private static bool Originates(MappingNode? settings) =>
        ((settings?["tls"] as MappingNode)?["mode"] as ScalarNode)?.Text is "SIMPLE" or "MUTUAL";
}
