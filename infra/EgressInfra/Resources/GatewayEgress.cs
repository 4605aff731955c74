using System.Collections.Immutable;
using EgressInfra.Core.Manifests;
using Pulumi;
using CustomResource = Pulumi.Kubernetes.ApiExtensions.CustomResource;
using KubernetesProvider = Pulumi.Kubernetes.Provider;

namespace EgressInfra.Resources;

/// <summary>
/// The objects a mode places outside the governed namespaces (gateway mode: the egress gateway's
/// Gateways, VirtualServices, DestinationRules, AuthorizationPolicy and ServiceEntries), one
/// component per namespace, so <c>pulumi preview</c> shows the gateway's side apart.
/// </summary>
internal sealed class GatewayEgress : ComponentResource
{
    public const string TypeToken = "egress-infra:istio:GatewayEgress";

    public GatewayEgress(string ns, IReadOnlyList<IKubernetesObject> objects, KubernetesProvider provider, ComponentResourceOptions? options = null)
        : base(TypeToken, ns, options)
    {
        ArgumentNullException.ThrowIfNull(objects);
        Namespace = ns;
        Resources = [.. objects.Select(o => ObjectResources.Create(o, new CustomResourceOptions { Parent = this, Provider = provider }))];
        RegisterOutputs(new Dictionary<string, object?> { ["objects"] = objects.Select(o => o.DisplayName).ToImmutableArray() });
    }

    public string Namespace { get; }

    public ImmutableArray<CustomResource> Resources { get; }

    /// <summary>Namespaces with objects that belong to no governed namespace, and those objects, in canonical order.</summary>
    public static IReadOnlyList<(string Namespace, IReadOnlyList<IKubernetesObject> Objects)> Group(EgressManifests manifests, IReadOnlyCollection<string> governed)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        return [.. manifests.Objects
            .Where(o => o.Metadata.Namespace is { } ns && !governed.Contains(ns))
            .GroupBy(o => o.Metadata.Namespace!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<IKubernetesObject>)[.. g]))];
    }
}
