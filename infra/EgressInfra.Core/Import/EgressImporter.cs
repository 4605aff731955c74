using System.Globalization;
using System.Text;
using EgressInfra.Core.Config;
using EgressInfra.Core.Config.Binding;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Diff;
using EgressInfra.Core.Explain;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation;

namespace EgressInfra.Core.Import;

/// <summary>
/// Turns ServiceEntries and Sidecars that already run into this project's stack config: entries that
/// grant the same destinations become one service, granted to every namespace that could use one of
/// them (from where each lives and whom it is exported to, through that namespace's Sidecar); presets
/// are recognised where their services match; whatever has no equivalent becomes a note. The result
/// is then evaluated like any stack and its grants compared with the input's, namespace by namespace.
/// </summary>
public static class EgressImporter
{
    public static ImportResult Import(IEnumerable<(string File, string Text)> inputs, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= ImportOptions.Default;
        var input = ImportInput.Read(inputs);
        var notes = new List<string>(input.Notes);
        var governed = Governed(input);
        var services = Group(input, governed, notes);
        var presets = PresetRecognizer.Recognize(services, governed);
        Name(services, notes);

        var policy = OutboundPolicy(input, governed, notes);
        var imports = SidecarImports(input, notes);
        if (input.Gateway.Namespace is { } gateway)
        {
            imports?.Remove($"{gateway}/*");
        }

        var body = ImportWriter.Config(options, governed, policy, imports, services, presets, input.Gateway);
        var expected = InputGrants(input, governed);
        var differences = Compare(expected, body, options);
        var text = ImportWriter.Stack(body, input, notes, differences, services.Count, presets.Count);

        var diagnostics = notes.Select(n => AdoptionCodes.ImportNotCarried.Create(string.Empty, n))
            .Concat(differences.Select(d => AdoptionCodes.ImportGrantDiffers.Create(string.Empty, d)))
            .ToList();
        var counts = new ImportCounts(input.Documents, input.ServiceEntryCount, input.SidecarCount, input.Skipped.Values.Sum(), services.Count, presets.Count);
        return new ImportResult(text, notes, diagnostics, counts) { GrantDifferences = differences };
    }

    /// <summary>Namespaces with a namespace-wide Sidecar, and those an entry reaches by living there (exportTo ".") or by name.</summary>
    private static SortedSet<string> Governed(ImportInput input)
    {
        var governed = new SortedSet<string>(input.Sidecars.Keys, StringComparer.Ordinal);
        foreach (var source in input.Entries.Where(e => e.Entry.Spec.WorkloadSelector is null))
        {
            foreach (var target in source.Entry.Spec.ExportTo)
            {
                if (target == ".")
                {
                    governed.Add(source.Namespace);
                }
                else if (target is not "*" and not "~" && KubernetesNames.IsDns1123Label(target))
                {
                    governed.Add(target);
                }
            }
        }

        // Entries exported everywhere and no Sidecar: the namespaces they live in are all there is to go by.
        if (governed.Count == 0)
        {
            governed.UnionWith(input.Entries.Select(e => e.Namespace));
        }

        return governed;
    }

    private static List<ImportedService> Group(ImportInput input, SortedSet<string> governed, List<string> notes)
    {
        var groups = new Dictionary<string, ImportedService>(StringComparer.Ordinal);
        var ordered = new List<ImportedService>();
        foreach (var source in input.Entries)
        {
            var spec = source.Entry.Spec;
            if (spec.WorkloadSelector is not null)
            {
                notes.Add($"ServiceEntry {source.Display} selects mesh workloads (workloadSelector); not carried over");
                continue;
            }

            if (spec.Ports.FirstOrDefault(p => Grants.Protocol(p) is null) is { } odd)
            {
                notes.Add($"ServiceEntry {source.Display}: port {odd.Number} has the protocol '{odd.Protocol}', which Istio does not know; not carried over");
                continue;
            }

            foreach (var port in spec.Ports.Where(p => string.IsNullOrEmpty(p.Protocol)))
            {
                notes.Add($"ServiceEntry {source.Display}: port {port.Number} names no protocol; imported as {Grants.Protocol(port)!.Value.Name()} (from its name, else TCP), where Istio would sniff the protocol");
            }

            var reached = governed.Where(ns => Visible(input, source, ns)).ToList();
            if (reached.Count == 0)
            {
                notes.Add($"ServiceEntry {source.Display} is visible to no governed namespace (exportTo {string.Join(", ", spec.ExportTo)}); not carried over");
                continue;
            }

            if (spec.ExportTo.Count == 0 || spec.ExportTo.Contains("*"))
            {
                notes.Add($"ServiceEntry {source.Display} is exported to every namespace; it is granted to the governed ones ({string.Join(", ", reached)}) only");
            }

            if (spec.Endpoints.Any(e => e.ServiceAccount is not null))
            {
                notes.Add($"ServiceEntry {source.Display}: the endpoints' serviceAccount is not carried over");
            }

            var key = Grants.Key(spec);
            if (!groups.TryGetValue(key, out var group))
            {
                group = new ImportedService(key, source);
                groups[key] = group;
                ordered.Add(group);
            }
            else
            {
                group.Sources.Add(source);
            }

            group.Namespaces.UnionWith(reached);
        }

        foreach (var group in ordered)
        {
            foreach (var key in new[] { ManagedLabels.OwnerAnnotation, ManagedLabels.ReasonAnnotation })
            {
                if (group.Conflicting(key).Skip(1).Any())
                {
                    notes.Add($"{string.Join(", ", group.Sources.Select(s => s.Display))} grant the same but disagree on {key}; the first is kept");
                }
            }
        }

        return ordered;
    }

    /// <summary>Whether <paramref name="ns"/>'s proxies know the entry: it is exported there, and the namespace's Sidecar (if any) imports it.</summary>
    private static bool Visible(ImportInput input, SourceEntry source, string ns) =>
        DestinationMatcher.IsExported(source.Entry.Spec, source.Namespace, ns)
        && (!input.Sidecars.TryGetValue(ns, out var sidecar) || DestinationMatcher.ImportFor(sidecar.Sidecar.Spec, source.Entry.Spec, source.Namespace, ns) is not null);

    /// <summary>Each service the most common name among its entries (a valid, unique label); renames are noted.</summary>
    private static void Name(List<ImportedService> services, List<string> notes)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in services.Where(s => s.Name.Length > 0))
        {
            used.Add(service.Name);
        }

        foreach (var service in services.Where(s => s.Name.Length == 0))
        {
            var written = service.Sources.GroupBy(s => s.Entry.Metadata.Name, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            var name = Label(written);
            for (var i = 2; !used.Add(name); i++)
            {
                name = $"{Label(written)[..Math.Min(Label(written).Length, 58)]}-{i.ToString(CultureInfo.InvariantCulture)}";
            }

            service.Name = name;
            var renamed = service.Sources.Where(s => s.Entry.Metadata.Name != name).Select(s => s.Display).ToList();
            if (renamed.Count > 0)
            {
                notes.Add($"{string.Join(", ", renamed)} {(renamed.Count == 1 ? "becomes" : "become")} service '{name}': the stack names the ServiceEntry after the service, so the old object is replaced, not adopted");
            }
        }
    }

    private static string Label(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            sb.Append(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) ? c : '-');
        }

        var label = sb.ToString().Trim('-');
        label = label.Length > 63 ? label[..63].TrimEnd('-') : label;
        return label.Length == 0 ? "service" : label;
    }

    /// <summary>REGISTRY_ONLY when every governed namespace's Sidecar says so; otherwise ALLOW_ANY, which changes nothing that works today.</summary>
    private static OutboundTrafficPolicy OutboundPolicy(ImportInput input, SortedSet<string> governed, List<string> notes)
    {
        var modes = governed.ToDictionary(ns => ns, ns => NamespacePolicy(input, ns), StringComparer.Ordinal);
        if (modes.Values.All(m => m == OutboundTrafficPolicy.RegistryOnly))
        {
            return OutboundTrafficPolicy.RegistryOnly;
        }

        var open = modes.Where(m => m.Value == OutboundTrafficPolicy.AllowAny).Select(m => m.Key).ToList();
        var closed = modes.Where(m => m.Value == OutboundTrafficPolicy.RegistryOnly).Select(m => m.Key).ToList();
        notes.Add($"outbound policy ALLOW_ANY: {string.Join(", ", open)} pass unknown destinations today (a Sidecar with ALLOW_ANY, or none and Istio's default mesh config)"
            + (closed.Count > 0 ? $"; {string.Join(", ", closed)} would be loosened from REGISTRY_ONLY" : string.Empty));
        return OutboundTrafficPolicy.AllowAny;
    }

    private static OutboundTrafficPolicy NamespacePolicy(ImportInput input, string ns) =>
        input.Sidecars.TryGetValue(ns, out var sidecar) && sidecar.Sidecar.Spec.OutboundTrafficPolicy == "REGISTRY_ONLY"
            ? OutboundTrafficPolicy.RegistryOnly
            : OutboundTrafficPolicy.AllowAny;

    /// <summary>Every Sidecar's imports but "./*", which the stack's Sidecars always hold; none at all leaves the default.</summary>
    private static List<string>? SidecarImports(ImportInput input, List<string> notes)
    {
        if (input.Sidecars.Count == 0)
        {
            return null;
        }

        var sets = input.Sidecars.Values.Select(s => s.Sidecar.Spec.EgressHosts.Where(h => h != "./*").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()).ToList();
        var union = sets.SelectMany(s => s).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (sets.Any(s => s.Count != union.Count))
        {
            notes.Add($"the Sidecars import different hosts; every namespace's Sidecar now imports {string.Join(", ", union.Prepend("./*"))}");
        }

        return union;
    }

    /// <summary>What each governed namespace reaches through the input, in diff's terms.</summary>
    private static SortedDictionary<string, SortedSet<string>> InputGrants(ImportInput input, SortedSet<string> governed)
    {
        var grants = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var ns in governed)
        {
            var set = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var source in input.Entries.Where(e => e.Entry.Spec.WorkloadSelector is null && Visible(input, e, ns)))
            {
                set.UnionWith(Grants.Destinations(source.Entry.Spec));
            }

            if (NamespacePolicy(input, ns) == OutboundTrafficPolicy.AllowAny)
            {
                set.Add(EgressSnapshot.AnyDestination);
            }

            grants[ns] = set;
        }

        return grants;
    }

    /// <summary>Binds the written config as check would and lists every destination granted on one side only.</summary>
    private static List<string> Compare(SortedDictionary<string, SortedSet<string>> expected, MappingNode body, ImportOptions options)
    {
        var bound = StackConfigBinder.Bind(body);
        if (bound.Config is null)
        {
            return [.. bound.Diagnostics.Where(d => d.IsError).Select(d => $"the imported config does not bind: {d.Path}: {d.Message}")];
        }

        var actual = EgressSnapshot.From(bound.Config).Destinations;
        var differences = new List<string>();
        foreach (var ns in expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal))
        {
            var before = expected.GetValueOrDefault(ns) ?? [];
            var after = actual.TryGetValue(ns, out var list) ? new SortedSet<string>(list, StringComparer.Ordinal) : [];
            differences.AddRange(before.Except(after).Select(d => $"{ns}: - {d} (granted by the manifests, not by the imported config)"));
            differences.AddRange(after.Except(before).Select(d => $"{ns}: + {d} (granted by the imported config, not by the manifests)"));
        }

        return differences;
    }
}
