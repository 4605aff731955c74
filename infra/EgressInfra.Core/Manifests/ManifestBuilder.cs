using System.Globalization;
using EgressInfra.Core.Collections;
using EgressInfra.Core.Config;

namespace EgressInfra.Core.Manifests;

/// <summary>
/// The objects every mode starts from: one ServiceEntry per service in each namespace that uses it,
/// and one Sidecar per governed namespace. Placing the entry beside its users keeps
/// <c>exportTo: ["."]</c> meaningful and lets each Sidecar import only its own namespace. What a mode
/// adds is in <c>Manifests/Modes</c>.
/// </summary>
public static class ManifestBuilder
{
    /// <summary>The entries in config order, each tied to its service, for validation and analysis.</summary>
    public static IReadOnlyList<BuiltServiceEntry> BuildServiceEntries(EgressConfig egress)
    {
        var result = new List<BuiltServiceEntry>();
        foreach (var service in egress.Services)
        {
            foreach (var ns in service.Namespaces)
            {
                result.Add(new BuiltServiceEntry(BuildServiceEntry(service, ns), service));
            }
        }

        return result;
    }

    public static ServiceEntry BuildServiceEntry(ExternalService service, string ns)
    {
        var labels = ValueMap.Of(
            (ManagedLabels.ManagedBy, ManagedLabels.ManagedByValue),
            (ManagedLabels.Service, service.Name));
        var annotations = new List<(string, string)>();
        if (service.Owner is not null)
        {
            annotations.Add((ManagedLabels.OwnerAnnotation, service.Owner));
        }

        if (service.Reason is not null)
        {
            annotations.Add((ManagedLabels.ReasonAnnotation, service.Reason));
        }

        if (service.Preset is not null)
        {
            annotations.Add((ManagedLabels.PresetAnnotation, service.Preset));
        }

        var spec = new ServiceEntrySpec(
            service.Hosts,
            service.Addresses,
            service.Ports.Select(p => new ServicePort(p.Number, p.Protocol.Name(), p.EffectiveName, p.TargetPort)).ToValueList(),
            service.Location.Name(),
            service.Resolution.Name(),
            service.Endpoints.Select(e => new WorkloadEntry(
                e.Address,
                e.Ports.Select(p => new KeyValuePair<string, long>(p.Key, p.Value)).ToValueMap(),
                e.Labels,
                e.Network,
                e.Locality,
                e.Weight)).ToValueList(),
            null,
            service.ExportTo,
            service.SubjectAltNames);
        return new ServiceEntry(new ObjectMetadata(service.Name, ns, labels, ValueMap.Of([.. annotations])), spec);
    }

    /// <param name="importNamespace">A namespace the mode routes through (the egress gateway's), imported whole.</param>
    public static Sidecar BuildSidecar(EgressConfig egress, string ns, string? importNamespace = null)
    {
        // "./*" imports this namespace's own services and the entries placed here; nothing exported
        // from other namespaces leaks in unless listed in sidecarImports (failure mode F10).
        var hosts = new SortedSet<string>(StringComparer.Ordinal) { "./*" };
        hosts.UnionWith(egress.SidecarImports);
        if (egress.NamespaceImports.TryGetValue(ns, out var own))
        {
            hosts.UnionWith(own);
        }

        if (importNamespace is not null)
        {
            hosts.Add($"{importNamespace}/*");
        }

        var metadata = new ObjectMetadata(
            ManagedLabels.SidecarName,
            ns,
            ValueMap.Of((ManagedLabels.ManagedBy, ManagedLabels.ManagedByValue)),
            ValueMap<string>.Empty);
        return new Sidecar(metadata, new SidecarSpec(hosts.ToValueList(), egress.OutboundTrafficPolicy.Name()));
    }

    /// <summary>The deployable set of the stack's mode, in canonical order, independent of the order of the config.</summary>
    public static EgressManifests Build(EgressConfig egress, IReadOnlyList<BuiltServiceEntry>? built = null)
    {
        ArgumentNullException.ThrowIfNull(egress);
        return new EgressManifests(Modes.ModeBuilders.For(egress.Mode).Build(egress, built ?? BuildServiceEntries(egress)));
    }

    /// <summary>Sorts every list whose order carries no meaning, so equal configs render equal bytes.</summary>
    public static ServiceEntry Canonical(ServiceEntry entry)
    {
        var spec = entry.Spec;
        return entry with
        {
            Spec = spec with
            {
                Hosts = spec.Hosts.Order(StringComparer.Ordinal).ToValueList(),
                Addresses = spec.Addresses.Order(StringComparer.Ordinal).ToValueList(),
                Ports = spec.Ports.OrderBy(p => p.Number).ThenBy(p => p.Name, StringComparer.Ordinal).ToValueList(),
                Endpoints = spec.Endpoints.OrderBy(e => e.Address, StringComparer.Ordinal).ThenBy(e => e.Network, StringComparer.Ordinal).ToValueList(),
                ExportTo = spec.ExportTo.Order(StringComparer.Ordinal).ToValueList(),
                SubjectAltNames = spec.SubjectAltNames.Order(StringComparer.Ordinal).ToValueList(),
            },
        };
    }

    /// <summary>What each governed namespace may reach, as <c>host:port/PROTOCOL</c>, sorted.</summary>
    /// <remarks>
    /// With a Sidecar (sidecar and gateway modes) a namespace reaches the entries placed in it. Ambient
    /// has no Sidecar: there a namespace reaches the ports of an entry whose ALLOW policy (attached to
    /// the entry by <c>targetRefs</c>) names it as a source.
    /// </remarks>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> AllowedDestinations(EgressManifests manifests)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        var reach = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        SortedSet<string> Of(string ns) => reach.TryGetValue(ns, out var set) ? set : reach[ns] = new SortedSet<string>(StringComparer.Ordinal);

        var sidecarNamespaces = new HashSet<string>(manifests.Sidecars.Select(s => s.Metadata.Namespace!), StringComparer.Ordinal);
        foreach (var ns in sidecarNamespaces)
        {
            Of(ns);
        }

        foreach (var entry in manifests.ServiceEntries.Where(e => sidecarNamespaces.Contains(e.Metadata.Namespace!)))
        {
            Of(entry.Metadata.Namespace!).UnionWith(Destinations(entry, _ => true, _ => true));
        }

        if (sidecarNamespaces.Count == 0)
        {
            AddAttachedGrants(manifests, Of);
        }

        return reach.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value], StringComparer.Ordinal);
    }

    private static void AddAttachedGrants(EgressManifests manifests, Func<string, SortedSet<string>> of)
    {
        var entries = manifests.ServiceEntries.ToDictionary(e => (e.Metadata.Namespace, e.Metadata.Name), e => e);
        foreach (var policy in manifests.OfKind<AuthorizationPolicy>().Where(p => p.Spec.Action is null or "ALLOW"))
        {
            foreach (var target in policy.Spec.TargetRefs.Where(t => t.Kind == ServiceEntry.KindName))
            {
                if (!entries.TryGetValue((target.Namespace ?? policy.Metadata.Namespace, target.Name), out var entry))
                {
                    continue;
                }

                foreach (var rule in policy.Spec.Rules)
                {
                    var ports = rule.To.SelectMany(t => t.Ports).ToHashSet(StringComparer.Ordinal);
                    var hosts = rule.To.SelectMany(t => t.Hosts).ToHashSet(StringComparer.Ordinal);
                    foreach (var ns in rule.From.SelectMany(f => f.Namespaces))
                    {
                        of(ns).UnionWith(Destinations(
                            entry,
                            h => hosts.Count == 0 || hosts.Contains(h),
                            p => ports.Count == 0 || ports.Contains(p.Number.ToString(CultureInfo.InvariantCulture))));
                    }
                }
            }
        }
    }

    private static IEnumerable<string> Destinations(ServiceEntry entry, Func<string, bool> host, Func<ServicePort, bool> port) =>
        entry.Spec.Hosts.Where(host).SelectMany(h => entry.Spec.Ports.Where(port).Select(p => string.Create(CultureInfo.InvariantCulture, $"{h}:{p.Number}/{p.Protocol}")));
}
