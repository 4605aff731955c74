using System.Collections.Immutable;
using EgressInfra.Probe;
using EgressInfra.Resources.Istio;
using Pulumi;
using CustomResource = Pulumi.Kubernetes.ApiExtensions.CustomResource;
using KubernetesProvider = Pulumi.Kubernetes.Provider;

namespace EgressInfra.Resources;

/// <summary>
/// One governed namespace's egress: its ServiceEntries, Sidecar and the mode's other objects (and
/// probe, when enabled) as children, so <c>pulumi preview</c> shows the policy namespace by namespace.
/// </summary>
internal sealed class NamespaceEgress : ComponentResource
{
    public const string TypeToken = "egress-infra:istio:NamespaceEgress";

    /// <param name="gatewaySide">Resources the namespace's traffic crosses elsewhere (the egress gateway's), which the probe waits for.</param>
    public NamespaceEgress(NamespacePolicy policy, KubernetesProvider provider, ComponentResourceOptions? options = null, IReadOnlyList<Resource>? gatewaySide = null)
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
        Sidecar = policy.Sidecar is null ? null : new CustomResource($"{ns}-sidecar-{policy.Sidecar.Metadata.Name}", IstioArgsMapper.ToArgs(policy.Sidecar), ChildOf(provider));
        Others = [.. policy.Others.Select(o => ObjectResources.Create(o, ChildOf(provider)))];
        AllowedDestinations = [.. policy.AllowedDestinations];
        Posture = policy.Posture;

        if (policy.Probe is { } probe)
        {
            Probe = new ProbeJob(this, probe, provider, [.. ServiceEntries, .. new[] { Sidecar }.OfType<CustomResource>(), .. Others, .. gatewaySide ?? []]);
        }

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["allowedDestinations"] = AllowedDestinations,
            ["posture"] = Posture,
            ["probeJob"] = Probe?.JobName,
        });
    }

    public string Namespace { get; }

    public ImmutableArray<CustomResource> ServiceEntries { get; }

    /// <summary>Null in ambient mode, where pods have no sidecar.</summary>
    public CustomResource? Sidecar { get; }

    /// <summary>The mode's other objects here: the NetworkPolicy, TLS-origination DestinationRules.</summary>
    public ImmutableArray<CustomResource> Others { get; }

    /// <summary>observed, best-effort or enforced.</summary>
    public string Posture { get; }

    /// <summary>What the namespace may reach, as <c>host:port/PROTOCOL</c>.</summary>
    public ImmutableArray<string> AllowedDestinations { get; }

    public ProbeJob? Probe { get; }

    private CustomResourceOptions ChildOf(KubernetesProvider provider) => new() { Parent = this, Provider = provider };
}
