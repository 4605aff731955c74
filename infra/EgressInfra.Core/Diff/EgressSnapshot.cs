using System.Globalization;
using EgressInfra.Core.Config;
using EgressInfra.Core.Explain;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Posture;
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
    /// <summary>The egress mode (sidecar, gateway, ambient).</summary>
    public string Mode { get; init; } = "sidecar";

    /// <summary>Whether each governed namespace gets a NetworkPolicy.</summary>
    public bool NetworkPolicy { get; init; }

    /// <summary>Per governed namespace, its posture (observed, best-effort, enforced).</summary>
    public IReadOnlyDictionary<string, string> Postures { get; init; } = new Dictionary<string, string>();

    /// <summary>The pseudo-destination of a namespace whose Sidecar passes anything (ALLOW_ANY).</summary>
    public const string AnyDestination = "any destination (ALLOW_ANY)";

    public static EgressSnapshot From(StackConfig config, MappingNode? projectConfig = null) => From(config, ReadWaivers(projectConfig), null, null);

    /// <summary>The snapshot of an evaluated version, from the entries and postures the pipeline already built.</summary>
    public static EgressSnapshot From(EgressPlan plan, MappingNode? projectConfig = null) => From(plan, ReadWaivers(projectConfig));

    /// <summary>
    /// The same, with the waivers already read (<see cref="WaiverReader"/>), so that a diff need not
    /// keep a version's parse tree alive while it evaluates the versions.
    /// </summary>
    public static EgressSnapshot From(EgressPlan plan, IReadOnlyList<string> waivers)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(plan.Config);
        ArgumentNullException.ThrowIfNull(waivers);
        return From(plan.Config, waivers, plan.ServiceEntries, plan.Postures);
    }

    private static IReadOnlyList<string> ReadWaivers(MappingNode? projectConfig) => projectConfig is null ? [] : WaiverReader.Read(projectConfig);

    private static EgressSnapshot From(StackConfig config, IReadOnlyList<string> waivers, IReadOnlyList<BuiltServiceEntry>? built, IReadOnlyList<NamespacePosture>? postures)
    {
        ArgumentNullException.ThrowIfNull(config);
        var egress = config.Egress;
        built ??= ManifestBuilder.BuildServiceEntries(egress);
        postures ??= Manifests.Modes.ModeBuilders.For(egress.Mode).Postures(egress);
        var sets = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var ns in egress.Namespaces)
        {
            sets.TryAdd(ns, new SortedSet<string>(StringComparer.Ordinal));
        }

        // Every namespace's Sidecar imports the same hosts; only its metadata differs.
        var sidecar = ManifestBuilder.BuildSidecar(egress, string.Empty).Spec;
        var importedAcross = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var b in built)
        {
            string[]? destinationsOfEntry = null;
            foreach (var ns in VisibleFrom(b.Entry, sidecar, egress.Namespaces, sets, importedAcross))
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
        var users = egress.Mode == EgressMode.Ambient ? Manifests.Modes.Sidecar.SidecarModeBuilder.UsersByNamespace(egress) : null;
        foreach (var (ns, set) in sets)
        {
            if (users is not null)
            {
                destinations[ns] = AmbientDestinations(egress, users[ns]);
                continue;
            }

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
            waivers,
            PolicySnapshot.From(config),
            config.Probe)
        {
            Mode = egress.Mode.Name(),
            NetworkPolicy = egress.NetworkPolicy.Enabled,
            Postures = postures.ToDictionary(p => p.Namespace, p => p.Name, StringComparer.Ordinal),
            Waypoint = egress.Mode == EgressMode.Ambient ? egress.Ambient.WaypointName : null,
        };
    }

    /// <summary>In ambient mode, the waypoint the entries are bound to (<c>namespace/name</c>).</summary>
    public string? Waypoint { get; init; }

    /// <summary>Ambient: what the waypoint's policies grant the namespace (ztunnel ignores exportTo), and anything without a NetworkPolicy.</summary>
    private static string[] AmbientDestinations(EgressConfig egress, IEnumerable<ExternalService> users)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var service in users)
        {
            set.UnionWith(DestinationsOf(service));
        }

        if (!egress.NetworkPolicy.Enabled)
        {
            set.Add(AnyDestination);
        }

        return [.. set];
    }

    /// <summary>
    /// The namespaces that may see <paramref name="entry"/>, a superset that the caller filters with the
    /// exact rules: every namespace only when the entry is exported everywhere and an import that names
    /// its namespace (or <c>*</c>) brings it in; otherwise its own namespace and those its exportTo names.
    /// Checking each candidate rather than every namespace keeps the diff linear in the entries.
    /// </summary>
    private static IEnumerable<string> VisibleFrom(
        ServiceEntry entry,
        SidecarSpec sidecar,
        IReadOnlyList<string> namespaces,
        Dictionary<string, SortedSet<string>> governed,
        Dictionary<string, bool> importedAcross)
    {
        var spec = entry.Spec;
        var entryNs = entry.Metadata.Namespace;
        if (entryNs is null)
        {
            return namespaces;
        }

        if (spec.ExportTo.Count == 0 || spec.ExportTo.Contains("*"))
        {
            if (!importedAcross.TryGetValue(entryNs, out var across))
            {
                across = ImportedAcrossNamespaces(sidecar, entryNs);
                importedAcross[entryNs] = across;
            }

            if (across)
            {
                return namespaces;
            }
        }

        // Its own namespace and those it names, each once: never a walk over every namespace.
        var named = new List<string>(spec.ExportTo.Count + 1);
        if (governed.ContainsKey(entryNs))
        {
            named.Add(entryNs);
        }

        foreach (var target in spec.ExportTo)
        {
            if (governed.ContainsKey(target) && !named.Contains(target, StringComparer.Ordinal))
            {
                named.Add(target);
            }
        }

        return named;
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
        new("bypassGateway", s.BypassGateway ? ["true"] : []),
    ]);

    private static string Port(ServicePortConfig p)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{p.Number}/{p.Protocol.Name()}");
        if (p.Name is not null)
        {
            text += $" ({p.Name})";
        }

        text = p.TargetPort is { } target ? string.Create(CultureInfo.InvariantCulture, $"{text} -> {target}") : text;
        return p.OriginateTls ? $"{text} (TLS originated)" : text;
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
