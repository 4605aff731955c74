using EgressInfra.Core.Config;

namespace EgressInfra.Core.Manifests.Modes;

/// <summary>Names of the objects the modes create beside the per-namespace ServiceEntries and Sidecars.</summary>
public static class ModeNames
{
    /// <summary>The per-namespace NetworkPolicy.</summary>
    public const string NetworkPolicy = "egress-infra";

    /// <summary>The label Kubernetes puts on every namespace (since 1.22), naming it: how a NetworkPolicy selects a namespace.</summary>
    public const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    /// <summary>
    /// The name of one external destination (one host of a service): the service's name for a service
    /// with one host, <c>name-2</c> for its second host, shortened to stay a DNS-1123 label.
    /// </summary>
    public static string Destination(ExternalService service, int hostIndex)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (service.Hosts.Count <= 1)
        {
            return service.Name;
        }

        var suffix = $"-{hostIndex + 1}";
        var stem = service.Name.Length + suffix.Length > 63 ? service.Name[..(63 - suffix.Length)].TrimEnd('-') : service.Name;
        return stem + suffix;
    }
}
