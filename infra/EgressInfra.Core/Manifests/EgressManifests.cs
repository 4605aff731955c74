using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Manifests;

/// <summary>
/// Everything a stack deploys, of any kind, in canonical order: namespace, then kind (in
/// <see cref="KindOrder"/>, unknown kinds after, by name), then API version, then name. The same
/// objects in any order make an equal value and render the same bytes.
/// </summary>
public sealed record EgressManifests
{
    /// <summary>The order of kinds within a namespace: what a reader looks for first, and the order a plain kubectl apply needs.</summary>
    public static readonly IReadOnlyList<string> KindOrder =
    [
        ServiceEntry.KindName, Sidecar.KindName, Gateway.KindName, VirtualService.KindName,
        DestinationRule.KindName, AuthorizationPolicy.KindName, NetworkPolicy.KindName,
    ];

    public EgressManifests(IEnumerable<IKubernetesObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        All = ValueList<IKubernetesObject>.Wrap(Sorted([.. objects]));
        ServiceEntries = OfKind<ServiceEntry>();
        Sidecars = OfKind<Sidecar>();
    }

    /// <summary>Every object, canonical order.</summary>
    public ValueList<IKubernetesObject> All { get; }

    public IEnumerable<IKubernetesObject> Objects => All;

    public ValueList<ServiceEntry> ServiceEntries { get; }

    /// <summary>One per governed namespace in the sidecar and gateway modes.</summary>
    public ValueList<Sidecar> Sidecars { get; }

    public ValueList<T> OfKind<T>()
        where T : IKubernetesObject => All.OfType<T>().ToValueList();

    /// <summary>The objects placed in one namespace, canonical order.</summary>
    public IEnumerable<IKubernetesObject> InNamespace(string ns) => All.Where(o => o.Metadata.Namespace == ns);

    /// <summary>
    /// What decides one namespace's egress: its own objects, and the routing objects elsewhere that
    /// are exported to it (the gateway's VirtualServices and DestinationRule) with the policies that
    /// authorize it there. In ambient, also the entries a policy that authorizes it is attached to
    /// (<c>targetRefs</c>), and their TLS origination beside them. The probe's policy hash is taken over these.
    /// </summary>
    public IEnumerable<IKubernetesObject> PolicyOf(string ns)
    {
        var grants = All.OfType<AuthorizationPolicy>().Where(ap => Authorizes(ap, ns)).ToList();
        var attached = grants
            .SelectMany(ap => ap.Spec.TargetRefs.Where(t => t.Kind == ServiceEntry.KindName).Select(t => (t.Namespace ?? ap.Metadata.Namespace, t.Name)))
            .ToHashSet();
        var attachedHosts = ServiceEntries
            .Where(e => attached.Contains((e.Metadata.Namespace, e.Metadata.Name)))
            .SelectMany(e => e.Spec.Hosts.Select(h => (e.Metadata.Namespace, h)))
            .ToHashSet();
        return All.Where(o => o.Metadata.Namespace == ns || o switch
        {
            VirtualService vs => vs.Spec.ExportTo.Contains(ns, StringComparer.Ordinal),
            DestinationRule dr => dr.Spec.ExportTo.Contains(ns, StringComparer.Ordinal) || attachedHosts.Contains((dr.Metadata.Namespace, dr.Spec.Host)),
            AuthorizationPolicy ap => Authorizes(ap, ns),
            ServiceEntry se => attached.Contains((se.Metadata.Namespace, se.Metadata.Name)),
            _ => false,
        });
    }

    private static bool Authorizes(AuthorizationPolicy ap, string ns) =>
        ap.Spec.Rules.Any(r => r.From.Any(f => f.Namespaces.Contains(ns, StringComparer.Ordinal)));

    /// <summary>
    /// The canonical order, stable (equal keys keep their order). One sort with one comparison instead
    /// of LINQ's OrderBy and four ThenBy: each ThenBy is a generic virtual call that the Native AOT
    /// runtime resolves at its first use, a fifth of a million instructions at every start of egressctl
    /// (docs/performance.md).
    /// </summary>
    private static IKubernetesObject[] Sorted(IKubernetesObject[] objects)
    {
        var ranks = new int[objects.Length];
        var order = new int[objects.Length];
        for (var i = 0; i < objects.Length; i++)
        {
            ranks[i] = KindRank(objects[i].Kind);
            order[i] = i;
        }

        Array.Sort(order, (x, y) =>
        {
            var (a, b) = (objects[x], objects[y]);
            var c = string.CompareOrdinal(a.Metadata.Namespace, b.Metadata.Namespace);
            if (c == 0)
            {
                c = ranks[x].CompareTo(ranks[y]);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(a.Kind, b.Kind);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(a.ApiVersion, b.ApiVersion);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(a.Metadata.Name, b.Metadata.Name);
            }

            return c != 0 ? c : x.CompareTo(y);
        });
        var sorted = new IKubernetesObject[objects.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sorted[i] = objects[order[i]];
        }

        return sorted;
    }

    private static int KindRank(string kind)
    {
        for (var i = 0; i < KindOrder.Count; i++)
        {
            if (KindOrder[i] == kind)
            {
                return i;
            }
        }

        return KindOrder.Count;
    }
}
