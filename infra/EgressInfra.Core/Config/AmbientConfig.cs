namespace EgressInfra.Core.Config;

/// <summary>
/// Where <c>mode: ambient</c> sends external traffic (<c>egress.ambient</c>): an egress namespace that
/// holds the ServiceEntries, bound to a waypoint that authorizes each source namespace per entry.
/// </summary>
/// <param name="Namespace">The egress namespace: the ServiceEntries, their AuthorizationPolicies and TLS origination live here.</param>
/// <param name="Waypoint">The waypoint's Gateway name (<c>istio.io/use-waypoint</c> on every entry).</param>
/// <param name="WaypointNamespace">Where the waypoint runs; the egress namespace unless the stack says otherwise.</param>
/// <param name="InstallWaypoint">False when the waypoint is installed elsewhere (by the platform team, another stack): it is then not rendered.</param>
public sealed record AmbientConfig(string Namespace, string Waypoint, string WaypointNamespace, bool InstallWaypoint)
{
    public static AmbientConfig Default { get; } = new("istio-egress", "waypoint", "istio-egress", true);

    /// <summary>The waypoint runs outside the egress namespace: Istio's cross-namespace binding rules apply.</summary>
    public bool IsCrossNamespace => !string.Equals(Namespace, WaypointNamespace, StringComparison.Ordinal);

    /// <summary>How the waypoint is named in messages: <c>istio-egress/waypoint</c>.</summary>
    public string WaypointName => $"{WaypointNamespace}/{Waypoint}";
}
