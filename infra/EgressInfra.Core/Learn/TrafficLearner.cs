using System.Net;
using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Learn;

/// <summary>
/// Gathers, from access logs, the external destinations each namespace used: lines whose upstream
/// cluster is PassthroughCluster (let through under ALLOW_ANY) or BlackHoleCluster (refused under
/// REGISTRY_ONLY). Other lines (known services, inbound traffic) say nothing new and are only counted.
/// </summary>
public static class TrafficLearner
{
    public const string PassthroughCluster = "PassthroughCluster";
    public const string BlackHoleCluster = "BlackHoleCluster";

    /// <summary>Malformed lines are all counted; this many are reported one by one.</summary>
    public const int MaxReportedMalformed = 20;

    public static LearnResult Learn(IEnumerable<LogSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var destinations = new Dictionary<(string, string, int, ServiceProtocol), LearnedDestination>();
        var malformed = new List<Diagnostic>();
        int lines = 0, learned = 0, other = 0, bad = 0;
        foreach (var source in sources)
        {
            var number = 0;
            foreach (var line in source.Lines)
            {
                number++;
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                lines++;
                var entry = AccessLogParser.Parse(line);
                if (entry is null)
                {
                    bad++;
                    if (malformed.Count < MaxReportedMalformed)
                    {
                        malformed.Add(AdoptionCodes.LogLineMalformed.Create(string.Empty, "not an access-log line in Istio's default text or JSON format; skipped") with { Location = new SourceLocation(source.Name, number, 1) });
                    }

                    continue;
                }

                if (entry.Cluster is not (PassthroughCluster or BlackHoleCluster))
                {
                    other++;
                    continue;
                }

                if (Identify(source.Namespace, entry) is not { } key)
                {
                    bad++;
                    continue;
                }

                if (!destinations.TryGetValue(key, out var destination))
                {
                    var (ns, target, port, protocol) = key;
                    var isAddress = IPAddress.TryParse(target, out _);
                    destination = new LearnedDestination(ns, isAddress ? null : target, isAddress ? target : null, port, protocol)
                    {
                        FirstLine = new SourceLocation(source.Name, number, 1),
                    };
                    destinations[key] = destination;
                }

                destination.See(entry.StartTime, entry.Cluster == BlackHoleCluster);
                learned++;
            }
        }

        var sorted = destinations.Values
            .OrderBy(d => d.Namespace, StringComparer.Ordinal)
            .ThenBy(d => d.Target, StringComparer.Ordinal)
            .ThenBy(d => d.Port)
            .ThenBy(d => d.Protocol)
            .ToList();
        return new LearnResult(sorted, lines, learned, other, malformed) { MalformedCount = bad };
    }

    /// <summary>
    /// By TLS SNI (protocol TLS), else by an HTTP request's authority (HTTP), else by the address the pod
    /// dialled (TCP: TLS without SNI looks the same as any other TCP to the proxy); the port is always
    /// the one dialled.
    /// </summary>
    private static (string, string, int, ServiceProtocol)? Identify(string ns, AccessLogEntry entry)
    {
        if (entry.OriginalDestination is null || !Endpoint.TryParse(entry.OriginalDestination, out var address, out var port))
        {
            return null;
        }

        if (entry.ServerName is { } sni)
        {
            return (ns, sni.TrimEnd('.').ToLowerInvariant(), port, ServiceProtocol.Tls);
        }

        if (entry.Protocol is { } protocol && protocol.StartsWith("HTTP", StringComparison.OrdinalIgnoreCase) && entry.Authority is { } authority)
        {
            var host = Endpoint.AuthorityHost(authority).TrimEnd('.');
            return (ns, IPAddress.TryParse(host, out var ip) ? ip.ToString() : host.ToLowerInvariant(), port, ServiceProtocol.Http);
        }

        return (ns, address.ToString(), port, ServiceProtocol.Tcp);
    }
}
