namespace EgressInfra.Core.Profiles.Rules;

/// <summary>
/// Host names that stay inside the cluster: Kubernetes service names (<c>*.svc</c>,
/// <c>*.svc.cluster.local</c>, anything under <c>cluster.local</c>) and <c>name.namespace</c> for a
/// governed namespace. Every other name is treated as outside, whatever the entry's location says.
/// </summary>
public static class InClusterNames
{
    public static bool IsInCluster(string host, IEnumerable<string> governedNamespaces)
    {
        var name = host.TrimEnd('.').ToLowerInvariant();
        if (name.EndsWith(".svc", StringComparison.Ordinal)
            || name.EndsWith(".svc.cluster.local", StringComparison.Ordinal)
            || name.EndsWith(".cluster.local", StringComparison.Ordinal))
        {
            return true;
        }

        var labels = name.Split('.');
        return labels.Length == 2 && !labels[0].Contains('*', StringComparison.Ordinal)
            && governedNamespaces.Contains(labels[1], StringComparer.Ordinal);
    }
}
