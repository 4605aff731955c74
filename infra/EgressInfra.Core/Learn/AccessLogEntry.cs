namespace EgressInfra.Core.Learn;

/// <summary>The fields of one Envoy access-log line that say where a connection or request went.</summary>
/// <param name="Cluster">UPSTREAM_CLUSTER(_RAW): PassthroughCluster, BlackHoleCluster, outbound|443||host ...</param>
/// <param name="Authority">The :authority (Host) of an HTTP request; null for TCP.</param>
/// <param name="ServerName">REQUESTED_SERVER_NAME: the TLS SNI; null without one.</param>
/// <param name="OriginalDestination">DOWNSTREAM_LOCAL_ADDRESS: for outbound traffic, the address:port the pod dialled.</param>
/// <param name="Protocol">HTTP/1.1, HTTP/2 ... for HTTP; null for TCP.</param>
public sealed record AccessLogEntry(
    DateTimeOffset? StartTime,
    string? Cluster,
    string? Authority,
    string? ServerName,
    string? OriginalDestination,
    string? Protocol);
