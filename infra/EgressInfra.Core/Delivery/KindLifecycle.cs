namespace EgressInfra.Core.Delivery;

/// <summary>
/// How one kind of object is delivered: its phase on a first deploy, whether removing it would open
/// the namespace (so prod must never lose it as a side effect), and the CRD that must serve it.
/// </summary>
/// <param name="HoldsPolicy">Deleting or replacing the object loosens egress: a Sidecar gone means the
/// mesh default (often ALLOW_ANY), a NetworkPolicy gone unfences the pods, an AuthorizationPolicy gone
/// opens the gateway to every namespace.</param>
/// <param name="CrdName">The CustomResourceDefinition that serves the kind (<c>plural.group</c>); null for a kind Kubernetes serves itself.</param>
public sealed record KindLifecycle(string Kind, DeliveryPhase Phase, bool HoldsPolicy, string? CrdName)
{
    private static readonly Dictionary<string, KindLifecycle> Known = new(StringComparer.Ordinal)
    {
        ["ServiceEntry"] = new("ServiceEntry", DeliveryPhase.Path, false, "serviceentries.networking.istio.io"),
        ["Gateway"] = new("Gateway", DeliveryPhase.Path, false, "gateways.networking.istio.io"),
        ["VirtualService"] = new("VirtualService", DeliveryPhase.Path, false, "virtualservices.networking.istio.io"),
        ["DestinationRule"] = new("DestinationRule", DeliveryPhase.Path, false, "destinationrules.networking.istio.io"),
        ["AuthorizationPolicy"] = new("AuthorizationPolicy", DeliveryPhase.Path, true, "authorizationpolicies.security.istio.io"),
        ["Sidecar"] = new("Sidecar", DeliveryPhase.Enforcement, true, "sidecars.networking.istio.io"),
        ["NetworkPolicy"] = new("NetworkPolicy", DeliveryPhase.Enforcement, true, null),
    };

    /// <summary>Every kind the delivery rules know, in phase order then name.</summary>
    public static IReadOnlyList<KindLifecycle> All { get; } =
        [.. Known.Values.OrderBy(k => k.Phase).ThenBy(k => k.Kind, StringComparer.Ordinal)];

    /// <summary>
    /// The lifecycle of a kind. A kind these rules do not know is treated as one that enforces: applied
    /// last and never dropped as a side effect, so a new kind fails closed until it is classified here.
    /// </summary>
    public static KindLifecycle Of(string kind, string apiVersion)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(apiVersion);
        if (Known.TryGetValue(kind, out var known))
        {
            return known;
        }

        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? string.Empty : apiVersion[..slash];
        var servedByKubernetes = group.Length == 0 || group.EndsWith(".k8s.io", StringComparison.Ordinal) || !group.Contains('.', StringComparison.Ordinal);
        return new KindLifecycle(kind, DeliveryPhase.Enforcement, true, servedByKubernetes ? null : $"{Plural(kind)}.{group}");
    }

    /// <summary>Kubernetes' default plural for a kind: lower case, a consonant's "y" becomes "ies", else "s".</summary>
    public static string Plural(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var lower = kind.ToLowerInvariant();
        if (lower.Length > 1 && lower[^1] == 'y' && !"aeiou".Contains(lower[^2], StringComparison.Ordinal))
        {
            return lower[..^1] + "ies";
        }

        return lower.EndsWith('s') ? lower + "es" : lower + "s";
    }
}
