using System.Globalization;
using EgressInfra.Core.Config;
using EgressInfra.Core.Explain;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Probe;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Diff;

/// <summary>
/// What one version of a stack allows, in the terms a reviewer compares: per namespace the reachable
/// destinations (<c>host:port/PROTOCOL</c>), per service its settings, and the stack-wide switches.
/// </summary>
/// <param name="Destinations">Per governed namespace, the sorted destinations its Sidecar lets through.</param>
/// <param name="Waivers">Policy waivers as one-line text, read from the config tree as written.</param>
/// <param name="Policy">The <c>policy</c> rule levels and prefix limits, as bound.</param>
/// <param name="Probe">The post-deploy probe's settings, as bound (<see cref="ProbeConfig.Disabled"/> when not configured).</param>
public sealed record EgressSnapshot(
    string Environment,
    string Profile,
    string OutboundPolicy,
    IReadOnlyList<string> Namespaces,
    IReadOnlyList<string> SidecarImports,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Destinations,
    IReadOnlyDictionary<string, ServiceSnapshot> Services,
    IReadOnlyList<string> Waivers,
    PolicySnapshot Policy,
    ProbeConfig Probe)
{
    /// <summary>The pseudo-destination of a namespace whose Sidecar passes anything (ALLOW_ANY).</summary>
    public const string AnyDestination = "any destination (ALLOW_ANY)";

    public static EgressSnapshot From(StackConfig config, MappingNode? projectConfig = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var egress = config.Egress;
        var built = ManifestBuilder.BuildServiceEntries(egress);
        var sets = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var ns in egress.Namespaces)
        {
            sets.TryAdd(ns, new SortedSet<string>(StringComparer.Ordinal));
        }

        // Every namespace's Sidecar imports the same hosts; only its metadata differs.
        var sidecar = ManifestBuilder.BuildSidecar(egress, string.Empty).Spec;
        foreach (var b in built)
        {
            string[]? destinationsOfEntry = null;
            foreach (var ns in VisibleFrom(b.Entry, sidecar, egress.Namespaces))
            {
                var entryNs = b.Entry.Metadata.Namespace ?? ns;
                if (DestinationMatcher.IsExported(b.Entry.Spec, entryNs, ns) && DestinationMatcher.ImportFor(sidecar, b.Entry.Spec, entryNs, ns) is not null)
                {
                    destinationsOfEntry ??= [.. DestinationsOf(b.Source)];
                    sets[ns].UnionWith(destinationsOfEntry);
                }
            }
        }

        var destinations = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (ns, set) in sets)
        {
            if (egress.OutboundTrafficPolicy == OutboundTrafficPolicy.AllowAny)
            {
                set.Add(AnyDestination);
            }

            destinations[ns] = [.. set];
        }

        var services = new SortedDictionary<string, ServiceSnapshot>(StringComparer.Ordinal);
        foreach (var service in egress.Services)
        {
            services[service.Name] = Snapshot(service);
        }

        return new EgressSnapshot(
            config.Environment.Name(),
            config.Profile,
            egress.OutboundTrafficPolicy.Name(),
            Sorted(egress.Namespaces),
            Sorted(egress.SidecarImports),
            destinations,
            services,
            projectConfig is null ? [] : WaiverReader.Read(projectConfig),
            PolicySnapshot.From(config),
            config.Probe);
    }

    /// <summary>
    /// The namespaces that may see <paramref name="entry"/>, a superset that the caller filters with the
    /// exact rules: every namespace only when the entry is exported everywhere and an import that names
    /// its namespace (or <c>*</c>) brings it in; otherwise its own namespace and those its exportTo names.
    /// Checking each candidate rather than every namespace keeps the diff linear in the entries.
    /// </summary>
    private static IEnumerable<string> VisibleFrom(ServiceEntry entry, SidecarSpec sidecar, IReadOnlyList<string> namespaces)
    {
        var spec = entry.Spec;
        var entryNs = entry.Metadata.Namespace;
        if (entryNs is null || ((spec.ExportTo.Count == 0 || spec.ExportTo.Contains("*")) && ImportedAcrossNamespaces(sidecar, entryNs)))
        {
            return namespaces;
        }

        var named = new HashSet<string>(spec.ExportTo, StringComparer.Ordinal) { entryNs };
        return namespaces.Where(named.Contains);
    }

    /// <summary>True when an import other than <c>./</c> or <c>~/</c> may name entries of <paramref name="entryNamespace"/>.</summary>
    private static bool ImportedAcrossNamespaces(SidecarSpec sidecar, string entryNamespace) =>
        sidecar.EgressHosts.Any(import => import.StartsWith("*/", StringComparison.Ordinal) || import.StartsWith(entryNamespace + "/", StringComparison.Ordinal));

    /// <summary>
    /// Every host and address on every port, and <c>*:port</c> for an opaque TCP port without addresses
    /// and with resolution NONE, which lets every destination on that port through (F3, F4).
    /// </summary>
    public static IEnumerable<string> DestinationsOf(ExternalService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        foreach (var port in service.Ports)
        {
            var suffix = string.Create(CultureInfo.InvariantCulture, $":{port.Number}/{port.Protocol.Name()}");
            foreach (var target in service.Hosts.Concat(service.Addresses))
            {
                yield return target + suffix;
            }

            if (service.Addresses.Count == 0 && service.Resolution == ServiceResolution.None && ProtocolFamilies.Of(port.Protocol) == ProtocolFamily.Tcp)
            {
                yield return "*" + suffix;
            }
        }
    }

    private static ServiceSnapshot Snapshot(ExternalService s) => new(s.Name,
    [
        new("hosts", Sorted(s.Hosts)),
        new("addresses", Sorted(s.Addresses)),
        new("ports", [.. s.Ports.OrderBy(p => p.Number).Select(Port)]),
        new("resolution", [s.Resolution.Name()]),
        new("location", [s.Location.Name()]),
        new("exportTo", Sorted(s.ExportTo)),
        new("namespaces", Sorted(s.Namespaces)),
        new("endpoints", Sorted(s.Endpoints.Select(Endpoint))),
        new("subjectAltNames", Sorted(s.SubjectAltNames)),
        new("owner", s.Owner is null ? [] : [s.Owner]),
        new("reason", s.Reason is null ? [] : [s.Reason]),
        new("preset", s.Preset is null ? [] : [s.Preset]),
    ]);

    private static string Port(ServicePortConfig p)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{p.Number}/{p.Protocol.Name()}");
        if (p.Name is not null)
        {
            text += $" ({p.Name})";
        }

        return p.TargetPort is { } target ? string.Create(CultureInfo.InvariantCulture, $"{text} -> {target}") : text;
    }

    private static string Endpoint(EndpointConfig e)
    {
        var parts = new List<string> { e.Address };
        parts.AddRange(e.Ports.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value}")));
        if (e.Network is not null)
        {
            parts.Add($"network={e.Network}");
        }

        if (e.Locality is not null)
        {
            parts.Add($"locality={e.Locality}");
        }

        if (e.Weight is { } weight)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"weight={weight}"));
        }

        parts.AddRange(e.Labels.Select(l => $"{l.Key}:{l.Value}"));
        return string.Join(" ", parts);
    }

    private static string[] Sorted(IEnumerable<string> values) => [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
