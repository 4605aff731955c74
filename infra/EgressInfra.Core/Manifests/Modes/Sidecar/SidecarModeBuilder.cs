using EgressInfra.Core.Collections;
using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Posture;

namespace EgressInfra.Core.Manifests.Modes.Sidecar;

/// <summary>
/// Sidecar mode: each namespace's ServiceEntries beside its users, a REGISTRY_ONLY Sidecar, TLS
/// origination where asked, and, when enabled, a NetworkPolicy limited to the declared ports and the
/// addresses it can express. The sidecar is the only gate, so the posture is best-effort at most.
/// </summary>
public sealed class SidecarModeBuilder : IModeBuilder
{
    public EgressMode Mode => EgressMode.Sidecar;

    public IEnumerable<Diagnostic> Check(EgressConfig egress)
    {
        ArgumentNullException.ThrowIfNull(egress);
        foreach (var service in egress.Services.Where(s => s.BypassGateway && s.Preset is null))
        {
            yield return EnforcementCodes.SettingWithoutEffect.Create(
                $"{service.SourcePath}.bypassGateway",
                $"bypassGateway has no effect in mode {egress.Mode.Name()}: there is no gateway to bypass");
        }

        if (!egress.NetworkPolicy.Enabled)
        {
            yield break;
        }

        foreach (var service in egress.Services.Where(s => s.Namespaces.Count > 0 && DirectDestinations.Cidrs(s) is null))
        {
            var ports = string.Join(", ", DirectDestinations.Ports(service).Select(DirectDestinations.Describe));
            yield return EnforcementCodes.NetworkPolicyCannotNameHosts.Create(
                service.Preset is null ? $"{service.SourcePath}.hosts" : service.SourcePath,
                $"{service.Name} is resolved by DNS ({string.Join(", ", service.Hosts)}), so its NetworkPolicy rule allows {ports} to any address; only the sidecar checks the host");
        }
    }

    public IEnumerable<IKubernetesObject> Build(EgressConfig egress, IReadOnlyList<BuiltServiceEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(egress);
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            yield return ManifestBuilder.Canonical(entry.Entry);
        }

        foreach (var service in egress.Services)
        {
            foreach (var ns in service.Namespaces)
            {
                foreach (var rule in TlsOrigination.Build(service, ns, ValueList.Of(".")))
                {
                    yield return rule;
                }
            }
        }

        // Each namespace's users, found in one pass: a walk over every service per namespace would grow with both.
        // A service's rule is the same in every namespace that uses it: made (and its sort key) once.
        var users = egress.NetworkPolicy.Enabled ? UsersByNamespace(egress) : null;
        var rulesOf = new Dictionary<ExternalService, (NetworkPolicyEgressRule Rule, string Key)>(ReferenceEqualityComparer.Instance);
        foreach (var ns in egress.Namespaces)
        {
            yield return ManifestBuilder.BuildSidecar(egress, ns);
            if (users is not null)
            {
                yield return EgressNetworkPolicy.Build(egress, ns, DirectRules(users[ns], rulesOf));
            }
        }
    }

    public IReadOnlyList<NamespacePosture> Postures(EgressConfig egress)
    {
        ArgumentNullException.ThrowIfNull(egress);
        var missing = new List<string>();
        if (egress.OutboundTrafficPolicy == OutboundTrafficPolicy.AllowAny)
        {
            missing.Add("outboundTrafficPolicy REGISTRY_ONLY");
        }

        missing.Add("an egress gateway that all external traffic crosses (mode: gateway)");
        missing.Add("an AuthorizationPolicy on that gateway");
        if (!egress.NetworkPolicy.Enabled)
        {
            missing.Add("a NetworkPolicy (networkPolicy.enabled)");
        }

        var posture = egress.OutboundTrafficPolicy == OutboundTrafficPolicy.AllowAny ? EgressPosture.Observed : EgressPosture.BestEffort;
        return [.. egress.Namespaces.Order(StringComparer.Ordinal).Select(ns => new NamespacePosture(ns, posture, missing.ToValueList()))];
    }

    /// <summary>Per service granted here: its addresses and ports when known, its ports to any address otherwise.</summary>
    private static IEnumerable<NetworkPolicyEgressRule> DirectRules(IEnumerable<ExternalService> users, Dictionary<ExternalService, (NetworkPolicyEgressRule Rule, string Key)> rulesOf)
    {
        var rules = new List<(NetworkPolicyEgressRule Rule, string Key)>();
        var seen = new HashSet<NetworkPolicyEgressRule>();
        foreach (var service in users)
        {
            if (!rulesOf.TryGetValue(service, out var rule))
            {
                var cidrs = DirectDestinations.Cidrs(service) ?? ["0.0.0.0/0", "::/0"];
                var made = EgressNetworkPolicy.ToCidrs(cidrs, DirectDestinations.Ports(service));
                rulesOf[service] = rule = (made, EgressNetworkPolicy.SortKey(made));
            }

            if (seen.Add(rule.Rule))
            {
                rules.Add(rule);
            }
        }

        return rules.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Rule);
    }

    /// <summary>The services each namespace uses, in config order, each once.</summary>
    internal static ILookup<string, ExternalService> UsersByNamespace(EgressConfig egress) =>
        egress.Services
            .SelectMany(s => s.Namespaces.Distinct(StringComparer.Ordinal).Select(ns => (Namespace: ns, Service: s)))
            .ToLookup(u => u.Namespace, u => u.Service, StringComparer.Ordinal);
}
