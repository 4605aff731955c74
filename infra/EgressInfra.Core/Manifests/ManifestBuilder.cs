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
        ArgumentNullException.ThrowIfNull(egress);
        var result = new List<BuiltServiceEntry>(egress.Services.Count * 2);
        foreach (var service in egress.Services)
        {
            if (service.Namespaces.Count == 0)
            {
                continue;
            }

            // The copies of one service differ only in their namespace: they share the (immutable) rest.
            var (labels, annotations) = Metadata(service);
            var spec = Spec(service);
            foreach (var ns in service.Namespaces)
            {
                result.Add(new BuiltServiceEntry(new ServiceEntry(new ObjectMetadata(service.Name, ns, labels, annotations), spec), service));
            }
        }

        return result;
    }

    public static ServiceEntry BuildServiceEntry(ExternalService service, string ns)
    {
        ArgumentNullException.ThrowIfNull(service);
        var (labels, annotations) = Metadata(service);
        return new ServiceEntry(new ObjectMetadata(service.Name, ns, labels, annotations), Spec(service));
    }

    private static (ValueMap<string> Labels, ValueMap<string> Annotations) Metadata(ExternalService service)
    {
        var labels = ValueMap.Of(
            (ManagedLabels.ManagedBy, ManagedLabels.ManagedByValue),
            (ManagedLabels.Service, service.Name));
        var annotations = new List<(string, string)>(3);
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

        return (labels, annotations.Count == 0 ? ValueMap<string>.Empty : ValueMap.Of([.. annotations]));
    }

    private static ServiceEntrySpec Spec(ExternalService service)
    {
        var ports = new ServicePort[service.Ports.Count];
        for (var i = 0; i < ports.Length; i++)
        {
            var p = service.Ports[i];
            ports[i] = new ServicePort(p.Number, p.Protocol.Name(), p.EffectiveName, p.TargetPort);
        }

        var endpoints = service.Endpoints.Count == 0 ? ValueList<WorkloadEntry>.Empty : service.Endpoints.Select(e => new WorkloadEntry(
            e.Address,
            e.Ports.Select(p => new KeyValuePair<string, long>(p.Key, p.Value)).ToValueMap(),
            e.Labels,
            e.Network,
            e.Locality,
            e.Weight)).ToValueList();
        return new ServiceEntrySpec(
            service.Hosts,
            service.Addresses,
            ValueList<ServicePort>.Wrap(ports),
            service.Location.Name(),
            service.Resolution.Name(),
            endpoints,
            null,
            service.ExportTo,
            service.SubjectAltNames);
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
        ArgumentNullException.ThrowIfNull(entry);
        var spec = entry.Spec;
        var canonical = CanonicalSpec(spec);
        return ReferenceEquals(canonical, spec) ? entry : entry with { Spec = canonical };
    }

    /// <summary>The spec with its unordered lists sorted; the same instance when they already are (most specs), so nothing is copied.</summary>
    private static ServiceEntrySpec CanonicalSpec(ServiceEntrySpec spec)
    {
        if (IsOrdinalSorted(spec.Hosts) && IsOrdinalSorted(spec.Addresses) && IsOrdinalSorted(spec.ExportTo) && IsOrdinalSorted(spec.SubjectAltNames)
            && ArePortsSorted(spec.Ports) && spec.Endpoints.Count == 0)
        {
            return spec;
        }

        return spec with
        {
            Hosts = spec.Hosts.Order(StringComparer.Ordinal).ToValueList(),
            Addresses = spec.Addresses.Order(StringComparer.Ordinal).ToValueList(),
            Ports = spec.Ports.OrderBy(p => p.Number).ThenBy(p => p.Name, StringComparer.Ordinal).ToValueList(),
            Endpoints = spec.Endpoints.OrderBy(e => e.Address, StringComparer.Ordinal).ThenBy(e => e.Network, StringComparer.Ordinal).ToValueList(),
            ExportTo = spec.ExportTo.Order(StringComparer.Ordinal).ToValueList(),
            SubjectAltNames = spec.SubjectAltNames.Order(StringComparer.Ordinal).ToValueList(),
        };
    }

    private static bool IsOrdinalSorted(ValueList<string> values)
    {
        for (var i = 1; i < values.Count; i++)
        {
            if (string.CompareOrdinal(values[i - 1], values[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool ArePortsSorted(ValueList<ServicePort> ports)
    {
        for (var i = 1; i < ports.Count; i++)
        {
            var (a, b) = (ports[i - 1], ports[i]);
            if (a.Number > b.Number || (a.Number == b.Number && string.CompareOrdinal(a.Name, b.Name) > 0))
            {
                return false;
            }
        }

        return true;
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
