using System.Collections.Immutable;
using EgressInfra.Probe;
using EgressInfra.Resources.Istio;
using Pulumi;
using CustomResource = Pulumi.Kubernetes.ApiExtensions.CustomResource;
using KubernetesProvider = Pulumi.Kubernetes.Provider;

namespace EgressInfra.Resources;

/// <summary>
/// One governed namespace's egress: its ServiceEntries and Sidecar (and probe, when enabled) as
/// children, so <c>pulumi preview</c> shows the policy namespace by namespace.
/// </summary>
internal sealed class NamespaceEgress : ComponentResource
{
    public const string TypeToken = "egress-infra:istio:NamespaceEgress";

    public NamespaceEgress(NamespacePolicy policy, KubernetesProvider provider, ComponentResourceOptions? options = null)
        : base(TypeToken, (policy ?? throw new ArgumentNullException(nameof(policy))).Namespace, options)
    {
        var ns = policy.Namespace;
        Namespace = ns;

        // Logical names carry namespace and kind, so they are unique and depend only on the config.
        ServiceEntries =
        [
            .. policy.ServiceEntries.Select(entry =>
                new CustomResource($"{ns}-serviceentry-{entry.Metadata.Name}", IstioArgsMapper.ToArgs(entry), ChildOf(provider))),
        ];
        Sidecar = new CustomResource($"{ns}-sidecar-{policy.Sidecar.Metadata.Name}", IstioArgsMapper.ToArgs(policy.Sidecar), ChildOf(provider));
        AllowedDestinations = [.. policy.AllowedDestinations];

        if (policy.Probe is { } probe)
        {
            Probe = new ProbeJob(this, probe, provider, [.. ServiceEntries, Sidecar]);
        }

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["allowedDestinations"] = AllowedDestinations,
            ["probeJob"] = Probe?.JobName,
        });
    }

    public string Namespace { get; }

    public ImmutableArray<CustomResource> ServiceEntries { get; }

    public CustomResource Sidecar { get; }

    /// <summary>What the namespace may reach, as <c>host:port/PROTOCOL</c>.</summary>
    public ImmutableArray<string> AllowedDestinations { get; }

    public ProbeJob? Probe { get; }

    private CustomResourceOptions ChildOf(KubernetesProvider provider) => new() { Parent = this, Provider = provider };
}
