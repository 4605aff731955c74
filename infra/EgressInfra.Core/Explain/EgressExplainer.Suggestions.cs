using System.Globalization;
using System.Net;
using System.Text;
using EgressInfra.Core.Changes;
using EgressInfra.Core.Config;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Presets;
using EgressInfra.Core.Probe;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Explain;

public static partial class EgressExplainer
{
    /// <summary>The owner of a new service when the namespace's services do not name exactly one.</summary>
    public const string TeamPlaceholder = "<team>";

    /// <summary>IANA's documentation domains: each resolves and answers on 80 and 443, as the probe's deniedHost must.</summary>
    private static readonly string[] ReservedHosts = [ProbeConfig.DefaultDeniedHost, "example.net", "example.org"];

    /// <summary>The documentation networks TEST-NET-1, -2 and -3 (RFC 5737), where nothing answers.</summary>
    private static readonly string[] ReservedAddresses = [ProbeConfig.DefaultSpoofAddress, "198.51.100.1", "203.0.113.1"];

    /// <summary>
    /// Adds the smallest change that allows the destination and its verdict: the edited stack goes
    /// through the whole pipeline again (so the profile's rules judge it as they would judge a real
    /// edit), and is explained again to make sure the change does what it claims.
    /// </summary>
    private static Explanation WithChange(Explanation explanation, EgressPlan plan, MappingNode tree, EvaluationOptions? options)
    {
        var change = Suggest(explanation, plan.Config!, tree);
        if (change is null || change.Edits.Count == 0)
        {
            return explanation with { Change = change };
        }

        var after = ChangeEvaluator.Evaluate(tree, change.Edits, options);
        var verified = after.Config is not null && Trace(after.Config, explanation.Query).Allowed;
        // The placeholders fail owner-and-reason as written (so a pasted one never passes check); the
        // verdict takes them as filled in, as the notes say.
        var errors = after.Errors.Where(d => !(d.Code == Diagnostics.PolicyCodes.OwnerAndReason.Code && change.Placeholders.Any(p => p.Path == d.Path)));
        var acceptance = new ChangeAcceptance(plan.Config!.Profile, [.. errors], ChangeEvaluator.NewWarnings(plan, after), verified);
        return explanation with { Change = change, Acceptance = acceptance };
    }

    /// <summary>The smallest edit that allows the query, or null when no stack change can (the client must change).</summary>
    public static SuggestedChange? Suggest(Explanation explanation, StackConfig config, MappingNode tree)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(tree);
        var service = explanation.Match is { } m ? config.Egress.Services.FirstOrDefault(s => s.Name == m.Service) : null;
        var handWritten = service is { Preset: null };

        // A preset's item takes namespaces (egress.presets[i].namespaces) but not hosts or ports, which are
        // the catalog's: a port or host it lacks needs a service of the stack's own.
        var inCluster = Profiles.Rules.InClusterNames.IsInCluster(explanation.Query.Host, config.Egress.Namespaces);
        var change = explanation.Outcome switch
        {
            ExplainOutcome.NotGoverned => GovernNamespace(explanation, config, tree),
            ExplainOutcome.Declared or ExplainOutcome.PortWide or ExplainOutcome.Passthrough => null,
            _ when inCluster && service is null => ImportInClusterService(explanation, tree),
            ExplainOutcome.WrongNamespace when service is not null && ConfigTreeEditor.Has(tree, $"{service.SourcePath}.namespaces") => AddNamespace(explanation, service, config, tree),
            ExplainOutcome.PortNotDeclared when handWritten => AddPort(explanation, service!, tree),
            ExplainOutcome.ProtocolMismatch => ChangeProtocol(explanation, service!),
            ExplainOutcome.WildcardApex when handWritten => AddHost(explanation, service!, tree),
            ExplainOutcome.WrongNamespace or ExplainOutcome.PortNotDeclared or ExplainOutcome.WildcardApex when service is { Preset: not null } => NewService(explanation, config, tree, service),
            _ => NewService(explanation, config, tree, null),
        };
        return change is null ? null : KeepProbeDeployable(change, explanation.Query, config, tree);
    }

    /// <summary>
    /// An in-cluster name (<c>*.svc</c>, <c>*.svc.cluster.local</c>, <c>name.namespace</c>) is reached
    /// through the mesh: the namespace's Sidecar must import it. A MESH_EXTERNAL ServiceEntry for it
    /// would take the mesh's mTLS away from the call.
    /// </summary>
    private static SuggestedChange ImportInClusterService(Explanation e, MappingNode tree)
    {
        var host = e.Query.Host.TrimEnd('.').ToLowerInvariant();
        var labels = host.Split('.');
        var owner = labels.Length >= 2 ? labels[1] : "<namespace>";
        var path = ConfigPath.Child("egress.namespaceImports", e.Query.Namespace);
        var import = $"{owner}/{host}";
        var edit = new ConfigEdit(ConfigPath.Index(path, ConfigTreeEditor.Count(tree, path)), Str(import), $"import {import} into the Sidecar of {e.Query.Namespace}");
        return new SuggestedChange(edit.Description, [edit],
        [
            $"{host} is a service inside the cluster: the Sidecar of {e.Query.Namespace} must import it; a MESH_EXTERNAL ServiceEntry for it would bypass the mesh's mTLS and break the call",
            $"the service's own namespace ({owner}) must export it to {e.Query.Namespace} (a Service is exported to every namespace unless networking.istio.io/exportTo says otherwise)",
        ]);
    }

    private static SuggestedChange AddNamespace(Explanation e, ExternalService service, StackConfig config, MappingNode tree)
    {
        var path = $"{service.SourcePath}.namespaces";
        var ns = e.Query.Namespace;
        if (service.Preset is null)
        {
            var edit = new ConfigEdit(ConfigPath.Index(path, ConfigTreeEditor.Count(tree, path)), Str(ns), $"add {ns} to the namespaces of {service.Name}");
            return new SuggestedChange(edit.Description, [edit], [$"{ns} gets all of {service.Name}: {Offer(service)}"]);
        }

        // The namespaces belong to the preset's item, and every service the preset expands to follows them.
        var expanded = config.Egress.Services.Where(s => s.SourcePath == service.SourcePath).ToList();
        var presetEdit = new ConfigEdit(ConfigPath.Index(path, ConfigTreeEditor.Count(tree, path)), Str(ns), $"add {ns} to the namespaces of the preset {service.Preset} ({service.SourcePath})");
        return new SuggestedChange(presetEdit.Description, [presetEdit], [$"{ns} gets all of the preset {service.Preset}: {string.Join("; ", expanded.Select(s => $"{s.Name}: {Offer(s)}"))}"]);
    }

    private static SuggestedChange AddPort(Explanation e, ExternalService service, MappingNode tree)
    {
        var path = $"{service.SourcePath}.ports";
        var item = Map(("number", Int(e.Query.Port)), ("protocol", Str(e.Protocol.Name())));
        var edit = new ConfigEdit(ConfigPath.Index(path, ConfigTreeEditor.Count(tree, path)), item, $"add port {e.Query.Port}/{e.Protocol.Name()} to {service.Name}");
        var notes = new List<string>();
        var others = service.Namespaces.Where(n => n != e.Query.Namespace).ToList();
        if (others.Count > 0)
        {
            notes.Add($"this opens port {e.Query.Port} of {string.Join(", ", service.Hosts)} to {string.Join(", ", others)} as well");
        }

        if (ProtocolFamilies.Of(e.Protocol) == ProtocolFamily.Tcp && service.Addresses.Count == 0)
        {
            notes.Add($"opaque TCP without addresses takes every destination on port {e.Query.Port} (F3, F4); add the service's addresses if they are fixed");
        }

        return new SuggestedChange(edit.Description, [edit], notes);
    }

    private static SuggestedChange ChangeProtocol(Explanation e, ExternalService service)
    {
        var match = e.Match!;
        var declared = match.Port!.Protocol;
        var asked = e.Protocol;
        if (ProtocolFamilies.Of(declared) == ProtocolFamily.Tls && ProtocolFamilies.Of(asked) == ProtocolFamily.Http && e.Query.Port == 443)
        {
            return new SuggestedChange(
                $"no stack change: speak TLS to port 443 (https://); declaring 443 as {asked.Name()} would turn the port's listener into HTTP and break every TLS client of it (F2)",
                [],
                ["to send plain HTTP and have the sidecar originate TLS, add a DestinationRule with TLS origination; that is outside this stack"]);
        }

        if (match.PortPath is null)
        {
            return new SuggestedChange($"no stack change: {service.Name} comes from preset {service.Preset}; declare the port in a service of your own instead", [], []);
        }

        var edit = new ConfigEdit($"{match.PortPath}.protocol", Str(asked.Name()), $"declare port {e.Query.Port} of {service.Name} as {asked.Name()} instead of {declared.Name()}");
        var notes = new List<string>();
        var others = service.Namespaces.Where(n => n != e.Query.Namespace).ToList();
        if (others.Count > 0)
        {
            notes.Add($"clients in {string.Join(", ", others)} use this port too and must speak {asked.Name()} as well");
        }

        if (ProtocolFamilies.Of(asked) == ProtocolFamily.Http && e.Query.Port == 443)
        {
            notes.Add("HTTP on 443 swallows every TLS client of the port (F2)");
        }

        return new SuggestedChange(edit.Description, [edit], notes);
    }

    private static SuggestedChange AddHost(Explanation e, ExternalService service, MappingNode tree)
    {
        var path = $"{service.SourcePath}.hosts";
        var edit = new ConfigEdit(ConfigPath.Index(path, ConfigTreeEditor.Count(tree, path)), Str(e.Query.Host), $"add the apex {e.Query.Host} to the hosts of {service.Name}");
        var notes = new List<string>();
        if (service.Resolution == ServiceResolution.None && ProtocolFamilies.Of(e.Protocol) == ProtocolFamily.Http)
        {
            notes.Add($"{service.Name} keeps resolution NONE: on HTTP the Host header decides where traffic goes (F9)");
        }

        return new SuggestedChange(edit.Description, [edit], notes);
    }

    private static SuggestedChange GovernNamespace(Explanation e, StackConfig config, MappingNode tree)
    {
        var ns = e.Query.Namespace;
        var edits = new List<ConfigEdit>
        {
            new(ConfigPath.Index("egress.namespaces", ConfigTreeEditor.Count(tree, "egress.namespaces")), Str(ns), $"govern {ns}"),
        };
        var notes = new List<string> { $"{ns} gets a Sidecar with {config.Egress.OutboundTrafficPolicy.Name()}: every destination its pods use must then be declared" };
        var placeholders = new List<ChangePlaceholder>();
        var covering = config.Egress.Services.FirstOrDefault(s =>
            s.Ports.Any(p => p.Number == e.Query.Port && SymptomCatalog.Mismatch(p.Protocol, e.Protocol, e.Query.Port) is null)
            && DestinationMatcher.Match(SpecOf(s), e.Query.Host) is not null);
        var everywhere = config.Egress.Services.Where(s => !ConfigTreeEditor.Has(tree, $"{s.SourcePath}.namespaces") && s != covering).Select(s => s.Name).ToList();
        if (covering is not null && ConfigTreeEditor.Has(tree, $"{covering.SourcePath}.namespaces"))
        {
            var path = $"{covering.SourcePath}.namespaces";
            var owner = covering.Preset is null ? covering.Name : $"the preset {covering.Preset} ({covering.SourcePath})";
            edits.Add(new(ConfigPath.Index(path, ConfigTreeEditor.Count(tree, path)), Str(ns), $"add {ns} to the namespaces of {owner}"));
        }
        else if (covering is not null)
        {
            notes.Add($"{covering.Name} ({covering.SourcePath}) has no `namespaces`, so it covers {e.Query.Destination} in every governed namespace, {ns} included");
        }
        else
        {
            edits.Add(NewServiceEdit(e, config, tree, notes, placeholders));
        }

        if (everywhere.Count > 0)
        {
            notes.Add($"services without `namespaces` are granted to every governed namespace, so {ns} also gets: {string.Join(", ", everywhere)}");
        }

        return new SuggestedChange(string.Join("; ", edits.Select(x => x.Description)), edits, notes) { Placeholders = placeholders };
    }

    /// <param name="preset">The preset-derived service that nearly carries the traffic, when that is why a new service is needed.</param>
    private static SuggestedChange NewService(Explanation e, StackConfig config, MappingNode tree, ExternalService? preset)
    {
        var notes = new List<string>();
        var placeholders = new List<ChangePlaceholder>();
        if (preset is not null)
        {
            var lacks = e.Outcome switch
            {
                ExplainOutcome.PortNotDeclared => $"declares {e.Query.Host} on {string.Join(", ", preset.Ports.Select(p => Port(p)))} only",
                ExplainOutcome.WildcardApex => $"declares {string.Join(", ", preset.Hosts)}, not {e.Query.Host}",
                _ => $"declares {e.Query.Destination}, but not for {e.Query.Namespace}",
            };
            notes.Add($"{preset.Name} comes from the preset {preset.Preset} ({preset.SourcePath}) and {lacks}; a preset's hosts and ports are the catalog's, so this takes a service of the stack's own");
        }

        var edit = NewServiceEdit(e, config, tree, notes, placeholders);
        if (e.Outcome == ExplainOutcome.WrongUpstream && e.Match is { } owner && !e.Query.IsAddress)
        {
            notes.Add($"{owner.Service} still owns port {e.Query.Port} without addresses: give it its addresses, or both entries share 0.0.0.0_{e.Query.Port} and only one of them wins (F4)");
        }

        return new SuggestedChange(edit.Description, [edit], notes) { Placeholders = placeholders };
    }

    /// <summary>
    /// A new hand-written service for the query. What only its user knows is filled with placeholders
    /// (or, for the owner, the one owner the namespace's services already have), so that the change is
    /// judged as the profile would judge it once filled in: restrictive requires owner and reason (EGR309).
    /// </summary>
    private static ConfigEdit NewServiceEdit(Explanation e, StackConfig config, MappingNode tree, List<string> notes, List<ChangePlaceholder> placeholders)
    {
        var q = e.Query;
        var name = UniqueName(q.IsAddress ? $"ip-{q.Host}" : q.Host, config.Egress.Services.Select(s => s.Name));
        var path = ConfigPath.Index("egress.services", ConfigTreeEditor.Count(tree, "egress.services"));
        var family = ProtocolFamilies.Of(e.Protocol);
        var entries = new List<(string, ConfigNode)> { ("name", Str(name)) };
        if (q.IsAddress)
        {
            var address = IPAddress.Parse(q.Host);
            var bits = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32;
            entries.Add(("hosts", Seq(Str($"{name}.egress.invalid"))));
            entries.Add(("addresses", Seq(Str(string.Create(CultureInfo.InvariantCulture, $"{q.Host}/{bits}")))));
            notes.Add("for an address, `hosts` holds a placeholder name under .invalid: traffic to an IP is matched by `addresses`");
        }
        else
        {
            entries.Add(("hosts", Seq(Str(q.Host))));
            if (PresetOf(q.Host) is { } catalog && config.Egress.Presets.All(r => r.Name != catalog.Name))
            {
                notes.Add($"{q.Host} is a host of the catalog preset {catalog.Name} ({catalog.Category.Name()}): listing `{catalog.Name}` under egress.presets instead brings every host it needs ({string.Join(", ", catalog.Services.SelectMany(s => s.Hosts))}); the profile judges either the same way");
            }
        }

        entries.Add(("ports", Seq(Map(("number", Int(q.Port)), ("protocol", Str(e.Protocol.Name()))))));
        entries.Add(("resolution", Str(q.IsAddress ? "NONE" : "DNS")));
        entries.Add(("namespaces", Seq(Str(q.Namespace))));
        var owners = config.Egress.Services.Where(s => s.Namespaces.Contains(q.Namespace) && !string.IsNullOrWhiteSpace(s.Owner)).Select(s => s.Owner!).Distinct(StringComparer.Ordinal).ToList();
        if (owners.Count == 1)
        {
            entries.Add(("owner", Str(owners[0])));
            notes.Add($"owner {owners[0]} is the owner of {q.Namespace}'s other services; change it if someone else answers for {q.Host}");
        }
        else
        {
            entries.Add(("owner", Str(TeamPlaceholder)));
            placeholders.Add(new ChangePlaceholder(ConfigPath.Child(path, "owner"), TeamPlaceholder));
            if (owners.Count > 1)
            {
                notes.Add($"{q.Namespace}'s other services are owned by {string.Join(", ", owners)}: one of them, or whoever answers for {q.Host}, is the owner");
            }
        }

        var reason = $"<why {q.Namespace} needs {q.Destination}>";
        entries.Add(("reason", Str(reason)));
        placeholders.Add(new ChangePlaceholder(ConfigPath.Child(path, "reason"), reason));
        var fill = string.Join(" and ", placeholders.Select(p => $"{p.Path[(p.Path.LastIndexOf('.') + 1)..]} {p.Value}"));
        notes.Add(placeholders.Count == 1
            ? $"replace the placeholder {fill} before applying; the profile's verdict below takes it as filled in"
            : $"replace the placeholders {fill} before applying; the profile's verdict below takes them as filled in");
        if (family == ProtocolFamily.Tcp && !q.IsAddress)
        {
            notes.Add($"opaque TCP is matched by address: without `addresses` this entry takes every destination on port {q.Port} in {q.Namespace} (F3, F4); add the destination's addresses if they are fixed");
        }

        return new ConfigEdit(path, Map([.. entries]), $"add a service {name} for {q.Destination}/{e.Protocol.Name()} granted to {q.Namespace}");
    }

    /// <summary>
    /// The probe checks that its deniedHost (default example.com) and spoofAddress are denied, so the binder
    /// rejects a stack that declares either (EGR005). When the change would declare one, the change also
    /// moves the probe's check to a reserved name or address nothing declares, so that it still deploys.
    /// </summary>
    private static SuggestedChange KeepProbeDeployable(SuggestedChange change, ExplainQuery q, StackConfig config, MappingNode tree)
    {
        if (change.Edits.Count == 0 || tree["probe"] is not MappingNode)
        {
            return change;
        }

        var probe = config.Probe;
        ConfigEdit? edit = null;
        string? why = null;
        if (!q.IsAddress && DestinationMatcher.MatchHost(q.Host, probe.DeniedHost) is not null)
        {
            var free = ReservedHosts.FirstOrDefault(h =>
                DestinationMatcher.MatchHost(q.Host, h) is null
                && config.Egress.Services.All(s => s.Hosts.All(d => DestinationMatcher.MatchHost(d, h) is null)));
            if (free is not null)
            {
                edit = new ConfigEdit("probe.deniedHost", Str(free), $"move the probe's denied-host check to {free}");
                why = $"the probe expects {probe.DeniedHost} to be denied (probe.deniedHost{(ConfigTreeEditor.Has(tree, "probe.deniedHost") ? string.Empty : ", by default")}) and rejects a stack that declares it (EGR005): the change moves that check to {free}, which no service declares";
            }
        }
        else if (q.IsAddress && IPAddress.TryParse(probe.SpoofAddress, out var spoof) && IPAddress.Parse(q.Host).Equals(spoof))
        {
            var free = ReservedAddresses.FirstOrDefault(a =>
                !IPAddress.Parse(a).Equals(spoof)
                && config.Egress.Services.All(s => s.Addresses.All(d => !DestinationMatcher.ContainsAddress(d, IPAddress.Parse(a)))));
            if (free is not null)
            {
                edit = new ConfigEdit("probe.spoofAddress", Str(free), $"move the probe's spoof address to {free}");
                why = $"the probe dials {probe.SpoofAddress} expecting nothing to answer (probe.spoofAddress{(ConfigTreeEditor.Has(tree, "probe.spoofAddress") ? string.Empty : ", by default")}) and rejects a stack that declares it (EGR005): the change moves that check to {free}, which no service declares";
            }
        }

        return edit is null
            ? change
            : change with { Summary = $"{change.Summary}; {edit.Description}", Edits = [.. change.Edits, edit], Notes = [.. change.Notes, why!] };
    }

    /// <summary>The catalog preset one of whose hosts is exactly <paramref name="host"/>, if any.</summary>
    private static Preset? PresetOf(string host) =>
        PresetCatalog.Shipped.Presets.FirstOrDefault(p => p.Services.Any(s => s.Hosts.Any(h => string.Equals(h, host, StringComparison.OrdinalIgnoreCase))));

    private static string Offer(ExternalService service) =>
        $"{string.Join(", ", service.Hosts.Concat(service.Addresses))} on {string.Join(", ", service.Ports.Select(p => Port(p)))}";

    /// <summary>A DNS-1123 label from a host name, unique among <paramref name="taken"/>.</summary>
    public static string UniqueName(string host, IEnumerable<string> taken)
    {
        var sb = new StringBuilder();
        foreach (var c in host.ToLowerInvariant())
        {
            var ok = char.IsAsciiLetterOrDigit(c);
            if (ok || (sb.Length > 0 && sb[^1] != '-'))
            {
                sb.Append(ok ? c : '-');
            }
        }

        var stem = sb.ToString().Trim('-');
        stem = stem.Length == 0 ? "external" : stem;
        var names = taken.ToHashSet(StringComparer.Ordinal);
        for (var n = 1; ; n++)
        {
            var suffix = n == 1 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"-{n}");
            var candidate = stem[..Math.Min(stem.Length, 63 - suffix.Length)].TrimEnd('-') + suffix;
            if (!names.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    private static ServiceEntrySpec SpecOf(ExternalService service) =>
        ManifestBuilder.BuildServiceEntry(service, service.Namespaces.Count > 0 ? service.Namespaces[0] : "default").Spec;

    private static ScalarNode Str(string text) => new(text, ScalarKind.String);

    private static ScalarNode Int(int value) => new(value.ToString(CultureInfo.InvariantCulture), ScalarKind.Integer);

    private static SequenceNode Seq(params ConfigNode[] items) => new(items);

    private static MappingNode Map(params (string Key, ConfigNode Value)[] entries) =>
        new([.. entries.Select(e => new KeyValuePair<ScalarNode, ConfigNode>(Str(e.Key), e.Value))]);
}
