using System.Globalization;
using System.Net;
using System.Text;
using EgressInfra.Core.Changes;
using EgressInfra.Core.Config;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Explain;

public static partial class EgressExplainer
{
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
        var acceptance = new ChangeAcceptance(plan.Config!.Profile, [.. after.Errors], ChangeEvaluator.NewWarnings(plan, after), verified);
        return explanation with { Change = change, Acceptance = acceptance };
    }

    /// <summary>The smallest edit that allows the query, or null when no stack change can (the client must change).</summary>
    public static SuggestedChange? Suggest(Explanation explanation, StackConfig config, MappingNode tree)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(tree);
        var service = explanation.Match is { } m ? config.Egress.Services.FirstOrDefault(s => s.Name == m.Service) : null;
        var editable = service is { Preset: null };
        return explanation.Outcome switch
        {
            ExplainOutcome.NotGoverned => GovernNamespace(explanation, config, tree),
            ExplainOutcome.WrongNamespace when editable && ConfigTreeEditor.Has(tree, $"{service!.SourcePath}.namespaces") => AddNamespace(explanation, service, tree),
            ExplainOutcome.PortNotDeclared when editable => AddPort(explanation, service!, tree),
            ExplainOutcome.ProtocolMismatch => ChangeProtocol(explanation, service!),
            ExplainOutcome.WildcardApex when editable => AddHost(explanation, service!, tree),
            ExplainOutcome.Declared or ExplainOutcome.PortWide or ExplainOutcome.Passthrough => null,
            _ => NewService(explanation, config, tree),
        };
    }

    private static SuggestedChange AddNamespace(Explanation e, ExternalService service, MappingNode tree)
    {
        var path = $"{service.SourcePath}.namespaces";
        var edit = new ConfigEdit(ConfigPath.Index(path, ConfigTreeEditor.Count(tree, path)), Str(e.Query.Namespace), $"add {e.Query.Namespace} to the namespaces of {service.Name}");
        var ports = string.Join(", ", service.Ports.Select(p => Port(p)));
        return new SuggestedChange(edit.Description, [edit], [$"{e.Query.Namespace} gets all of {service.Name}: {string.Join(", ", service.Hosts)} on {ports}"]);
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
        var covering = config.Egress.Services.FirstOrDefault(s =>
            s.Preset is null
            && s.Ports.Any(p => p.Number == e.Query.Port && SymptomCatalog.Mismatch(p.Protocol, e.Protocol, e.Query.Port) is null)
            && DestinationMatcher.Match(SpecOf(s), e.Query.Host) is not null);
        var everywhere = config.Egress.Services.Where(s => !ConfigTreeEditor.Has(tree, $"{s.SourcePath}.namespaces") && s != covering).Select(s => s.Name).ToList();
        if (covering is not null && ConfigTreeEditor.Has(tree, $"{covering.SourcePath}.namespaces"))
        {
            var path = $"{covering.SourcePath}.namespaces";
            edits.Add(new(ConfigPath.Index(path, ConfigTreeEditor.Count(tree, path)), Str(ns), $"add {ns} to the namespaces of {covering.Name}"));
        }
        else if (covering is null)
        {
            edits.Add(NewServiceEdit(e, config, tree, notes));
        }

        if (everywhere.Count > 0)
        {
            notes.Add($"services without `namespaces` are granted to every governed namespace, so {ns} also gets: {string.Join(", ", everywhere)}");
        }

        return new SuggestedChange(string.Join("; ", edits.Select(x => x.Description)), edits, notes);
    }

    private static SuggestedChange NewService(Explanation e, StackConfig config, MappingNode tree)
    {
        var notes = new List<string>();
        var edit = NewServiceEdit(e, config, tree, notes);
        if (e.Outcome == ExplainOutcome.WrongUpstream && e.Match is { } owner && !e.Query.IsAddress)
        {
            notes.Add($"{owner.Service} still owns port {e.Query.Port} without addresses: give it its addresses, or both entries share 0.0.0.0_{e.Query.Port} and only one of them wins (F4)");
        }

        return new SuggestedChange(edit.Description, [edit], notes);
    }

    private static ConfigEdit NewServiceEdit(Explanation e, StackConfig config, MappingNode tree, List<string> notes)
    {
        var q = e.Query;
        var name = UniqueName(q.IsAddress ? $"ip-{q.Host}" : q.Host, config.Egress.Services.Select(s => s.Name));
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
        }

        entries.Add(("ports", Seq(Map(("number", Int(q.Port)), ("protocol", Str(e.Protocol.Name()))))));
        entries.Add(("resolution", Str(q.IsAddress ? "NONE" : "DNS")));
        entries.Add(("namespaces", Seq(Str(q.Namespace))));
        var owners = config.Egress.Services.Where(s => s.Namespaces.Contains(q.Namespace) && s.Owner is not null).Select(s => s.Owner!).Distinct(StringComparer.Ordinal).ToList();
        if (owners.Count == 1)
        {
            entries.Add(("owner", Str(owners[0])));
            notes.Add($"owner {owners[0]} is the owner of {q.Namespace}'s other services; change it if someone else answers for {q.Host}");
        }
        else
        {
            notes.Add("add `owner`: who answers for this destination");
        }

        entries.Add(("reason", Str($"TODO: why {q.Namespace} needs {q.Destination}")));
        if (family == ProtocolFamily.Tcp && !q.IsAddress)
        {
            notes.Add($"opaque TCP is matched by address: without `addresses` this entry takes every destination on port {q.Port} in {q.Namespace} (F3, F4); add the destination's addresses if they are fixed");
        }

        var path = ConfigPath.Index("egress.services", ConfigTreeEditor.Count(tree, "egress.services"));
        return new ConfigEdit(path, Map([.. entries]), $"add a service {name} for {q.Destination}/{e.Protocol.Name()} granted to {q.Namespace}");
    }

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
