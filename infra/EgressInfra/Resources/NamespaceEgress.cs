using System.Collections.Immutable;
using EgressInfra.Core.Delivery;
using EgressInfra.Probe;
using EgressInfra.Resources.Istio;
using Pulumi;
using KubernetesProvider = Pulumi.Kubernetes.Provider;

namespace EgressInfra.Resources;

/// <summary>
/// One governed namespace's egress: its objects (and probe, when enabled) as children, so
/// <c>pulumi preview</c> shows the policy namespace by namespace. Objects are registered phase by
/// phase (<see cref="DeliveryPhase"/>): each one that enforces waits for every object that opens a
/// path in its namespace, so a first deploy never turns REGISTRY_ONLY on before the entries exist.
/// </summary>
internal sealed class NamespaceEgress : ComponentResource
{
    public const string TypeToken = "egress-infra:istio:NamespaceEgress";

    /// <param name="failClosed">Prod: objects that hold policy are protected and retained, so no
    /// removal, destroy or replacement can drop them as a side effect (README, "Retiring a namespace").</param>
    /// <param name="inputs">The run's converter of objects to inputs, shared by every namespace.</param>
    /// <param name="probeAlsoAwaits">Objects elsewhere the namespace's probe tests (ambient: the entries
    /// and policies in the egress namespace), registered before the probe's Job.</param>
    public NamespaceEgress(NamespacePolicy policy, KubernetesProvider provider, bool failClosed, PlainTree inputs, ComponentResourceOptions? options = null, IReadOnlyList<Resource>? probeAlsoAwaits = null)
        : base(TypeToken, (policy ?? throw new ArgumentNullException(nameof(policy))).Namespace, options)
    {
        Namespace = policy.Namespace;
        var registered = new List<RegisteredObject>();
        var byPhase = policy.Objects
            .Select(o => (Object: o, Lifecycle: KindLifecycle.Of(o.Kind, o.ApiVersion)))
            .GroupBy(o => o.Lifecycle.Phase)
            .OrderBy(g => g.Key);
        foreach (var phase in byPhase)
        {
            // One list per phase, built at once: InputList.Add concatenates, so adding the resources
            // one by one cost a copy of the list and a chained Output per element.
            InputList<Resource> earlier = registered.Where(r => r.Lifecycle.Phase < phase.Key).Select(r => r.Resource).ToImmutableArray();
            foreach (var (obj, lifecycle) in phase)
            {
                var guard = failClosed && lifecycle.HoldsPolicy;
                var objectOptions = new CustomResourceOptions
                {
                    Parent = this,
                    Provider = provider,
                    DependsOn = earlier,
                    Protect = guard,
                    RetainOnDelete = guard,
                    // The program never asks for delete-then-create; in prod, protect refuses any
                    // replacement outright, so a policy object is never deleted to be recreated.
                    DeleteBeforeReplace = false,
                };
                registered.Add(new RegisteredObject(obj, lifecycle, new KubernetesObjectResource(obj, inputs, objectOptions), objectOptions));
            }
        }

        Objects = [.. registered];
        AllowedDestinations = [.. policy.AllowedDestinations];

        if (policy.Probe is { } probe)
        {
            Probe = new ProbeJob(this, probe, provider, [.. Objects.Select(o => o.Resource), .. probeAlsoAwaits ?? []]);
        }

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["allowedDestinations"] = AllowedDestinations,
            ["probeJob"] = Probe?.JobName,
        });
    }

    public string Namespace { get; }

    /// <summary>The namespace's Kubernetes objects, phase by phase, with the options they were registered with.</summary>
    public ImmutableArray<RegisteredObject> Objects { get; }

    /// <summary>What the namespace may reach, as <c>host:port/PROTOCOL</c>.</summary>
    public ImmutableArray<string> AllowedDestinations { get; }

    public ProbeJob? Probe { get; }
}
