using System.Globalization;
using EgressInfra.Core.Changes;
using EgressInfra.Core.Config;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Explain;

/// <summary>
/// Answers "may a pod in this namespace reach this host and port?" from a stack's model alone, the way
/// the namespace's sidecar would decide it: which entries its Sidecar imports, which of them cover the
/// host (exact, wildcard, address) and declare the port, with which protocol; and when nothing does,
/// what the pod observes and the smallest change of the stack file that would allow it.
/// </summary>
public static partial class EgressExplainer
{
    /// <summary>Evaluates the stack, then explains; a stack with errors is not explained (see <see cref="ExplainResult"/>).</summary>
    public static ExplainResult Explain(StackDocument document, ExplainQuery query, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(query);
        var plan = EgressPipeline.Evaluate(document, options);
        if (plan.HasErrors || plan.Config is null || document.ProjectConfig is null)
        {
            return new ExplainResult(plan, null);
        }

        var explanation = Trace(plan.Config, query.Normalized());
        if (!explanation.Allowed)
        {
            explanation = WithChange(explanation, plan, document.ProjectConfig, options);
            if (document.Fragments.Count > 0)
            {
                explanation = FragmentEdits.Locate(explanation, document);
            }
        }

        return new ExplainResult(plan, explanation);
    }

    /// <summary>Follows the query through the model; no suggestion is made here.</summary>
    public static Explanation Trace(StackConfig config, ExplainQuery query)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(query);
        return GatewayPath.Annotate(config, TraceSidecar(config, query));
    }

    /// <summary>What the namespace's sidecar decides; every mode starts from it.</summary>
    private static Explanation TraceSidecar(StackConfig config, ExplainQuery query)
    {
        var egress = config.Egress;
        var built = ManifestBuilder.BuildServiceEntries(egress);
        var (protocol, source) = Protocol(query, built);
        var answer = new Explanation(query, protocol, source, ExplainOutcome.NoEntry, string.Empty, null, null, [], config.Profile, egress.OutboundTrafficPolicy);
        if (egress.Mode == EgressMode.Ambient)
        {
            return TraceAmbient(config, query, answer);
        }

        answer = answer with { Mode = egress.Mode.Name() };
        var ns = query.Namespace;
        if (!egress.Namespaces.Contains(ns))
        {
            return answer with
            {
                Outcome = ExplainOutcome.NotGoverned,
                Reason = $"{ns} is not one of the namespaces this stack governs ({string.Join(", ", egress.Namespaces)}): the stack places no Sidecar and no ServiceEntry there",
                Symptom = SymptomCatalog.NotGoverned(protocol, query.Port),
            };
        }

        var sidecar = ManifestBuilder.BuildSidecar(egress, ns).Spec;
        var visible = new List<(BuiltServiceEntry Built, string Import)>();
        foreach (var b in built)
        {
            var entryNs = b.Entry.Metadata.Namespace ?? ns;
            if (DestinationMatcher.IsExported(b.Entry.Spec, entryNs, ns) && DestinationMatcher.ImportFor(sidecar, b.Entry.Spec, entryNs, ns) is { } import)
            {
                visible.Add((b, import));
            }
        }

        var matches = visible
            .Select(v => Candidate.For(v.Built, query.Host, v.Import))
            .OfType<Candidate>()
            .OrderBy(c => c.Kind)
            .ToList();
        if (matches.FirstOrDefault(c => c.PortIndex(query.Port) >= 0) is { } carrier)
        {
            return Through(answer, carrier, query);
        }

        var owner = visible
            .Where(v => matches.All(m => m.Built != v.Built))
            .Select(v => PortOwner(v.Built, query.Port, v.Import))
            .OfType<EntryMatch>()
            .FirstOrDefault();
        if (owner is not null)
        {
            return Captured(answer, owner, query);
        }

        if (egress.OutboundTrafficPolicy == OutboundTrafficPolicy.AllowAny)
        {
            return answer with
            {
                Outcome = ExplainOutcome.Passthrough,
                Reason = $"no entry visible to {ns} declares {query.Destination}, and the Sidecar's outbound policy ALLOW_ANY passes it to its original destination (PassthroughCluster)",
                Notes = [$"under REGISTRY_ONLY it would be denied: {SymptomCatalog.NoRoute(protocol, query.Port).Observed}"],
            };
        }

        var noRoute = SymptomCatalog.NoRoute(protocol, query.Port);
        if (matches.Count > 0)
        {
            var near = matches[0];
            var ports = string.Join(", ", near.Built.Source.Ports.Select(p => Port(p)));
            return answer with
            {
                Outcome = ExplainOutcome.PortNotDeclared,
                Reason = $"{Describe(near, query.Host)}, but only on {ports}, not on port {query.Port}",
                Match = near.ToMatch(-1),
                Symptom = noRoute,
            };
        }

        var elsewhere = built
            .Where(b => visible.All(v => v.Built != b))
            .Select(b => Candidate.For(b, query.Host, null))
            .OfType<Candidate>()
            .Where(c => c.PortIndex(query.Port) >= 0)
            .OrderBy(c => c.Kind)
            .FirstOrDefault();
        if (elsewhere is not null)
        {
            var service = elsewhere.Built.Source;
            var why = service.Namespaces.Contains(ns)
                ? $"its entry is not visible in {ns} (exportTo [{string.Join(", ", service.ExportTo)}], Sidecar imports [{string.Join(", ", sidecar.EgressHosts)}])"
                : $"it is granted to {string.Join(", ", service.Namespaces)} only, not to {ns}";
            return answer with
            {
                Outcome = ExplainOutcome.WrongNamespace,
                Reason = $"{service.Name} ({service.SourcePath}) declares {query.Destination}, but {why}",
                Match = elsewhere.ToMatch(elsewhere.PortIndex(query.Port)),
                Symptom = noRoute with { FailureModes = [.. noRoute.FailureModes, "F10"] },
            };
        }

        var apex = visible
            .Select(v => (v.Built, v.Import, Wildcard: v.Built.Entry.Spec.Hosts.FirstOrDefault(h => DestinationMatcher.LeavesOutApex(h, query.Host))))
            .FirstOrDefault(v => v.Wildcard is not null && v.Built.Source.Ports.Any(p => p.Number == query.Port));
        if (apex.Wildcard is not null)
        {
            var candidate = new Candidate(apex.Built, HostMatchKind.Wildcard, apex.Wildcard, apex.Import);
            return answer with
            {
                Outcome = ExplainOutcome.WildcardApex,
                Reason = $"{apex.Built.Source.Name} declares {apex.Wildcard}, which covers the subdomains of {query.Host} but not {query.Host} itself",
                Match = candidate.ToMatch(candidate.PortIndex(query.Port)),
                Symptom = noRoute,
            };
        }

        return answer with
        {
            Outcome = ExplainOutcome.NoEntry,
            Reason = $"no entry visible to {ns} declares {query.Destination}, and the outbound policy is REGISTRY_ONLY",
            Symptom = noRoute,
        };
    }

    private static Explanation Through(Explanation answer, Candidate carrier, ExplainQuery query)
    {
        var index = carrier.PortIndex(query.Port);
        var port = carrier.Built.Source.Ports[index];
        var match = carrier.ToMatch(index);
        var service = carrier.Built.Source;
        if (query.Protocol is { } asked && SymptomCatalog.Mismatch(port.Protocol, asked, query.Port) is { } broken)
        {
            return answer with
            {
                Outcome = ExplainOutcome.ProtocolMismatch,
                Reason = $"{service.Name} ({service.SourcePath}) declares port {port.Number} as {port.Protocol.Name()}, but the client speaks {asked.Name()}",
                Match = match,
                Symptom = broken,
            };
        }

        return answer with
        {
            Protocol = query.Protocol ?? port.Protocol,
            ProtocolSource = query.Protocol is null ? "declared" : "asked",
            Outcome = ExplainOutcome.Declared,
            Reason = $"{Describe(carrier, query.Host)}, on port {Port(port)}",
            Match = match,
            Notes = AllowedNotes(carrier, port, query),
        };
    }

    private static Explanation Captured(Explanation answer, EntryMatch owner, ExplainQuery query)
    {
        var declared = $"{owner.Service} declares port {query.Port} as {owner.Port!.Protocol.Name()} without addresses";
        if (owner.Resolution == ServiceResolution.None)
        {
            return answer with
            {
                Outcome = ExplainOutcome.PortWide,
                Reason = $"no entry names {query.Host}, but {declared} and with resolution NONE, so every destination on port {query.Port} passes",
                Match = owner,
                Notes = [$"this is an accident of {owner.Service}, not a grant: give it its addresses to close port {query.Port} to everything else (F3, F4)"],
            };
        }

        return answer with
        {
            Outcome = ExplainOutcome.WrongUpstream,
            Reason = $"no entry names {query.Host}; {declared}, so it owns port {query.Port} for every destination and sends the traffic to {owner.Declared} (resolution {owner.Resolution.Name()})",
            Match = owner,
            Symptom = SymptomCatalog.WrongUpstream(answer.Protocol, query.Host, owner.Declared, query.Port, owner.Port!.Protocol),
        };
    }

    private static List<string> AllowedNotes(Candidate carrier, ServicePortConfig port, ExplainQuery query)
    {
        var notes = new List<string>();
        var service = carrier.Built.Source;
        var family = ProtocolFamilies.Of(port.Protocol);
        if (carrier.Kind == HostMatchKind.Wildcard)
        {
            notes.Add($"the wildcard {carrier.Declared} allows every other subdomain too, not only {query.Host}");
        }

        if (family == ProtocolFamily.Http && service.Resolution == ServiceResolution.None)
        {
            notes.Add($"resolution NONE on an HTTP port: the Host header decides, so a pod can reach any IP by sending `Host: {query.Host}` (F9); prefer resolution DNS");
        }

        if (family == ProtocolFamily.Tls && carrier.Kind != HostMatchKind.Address)
        {
            notes.Add($"matched by SNI: the client must send the server name {query.Host} (HTTPS clients do)");
        }

        if (family == ProtocolFamily.Tcp)
        {
            if (service.Addresses.Count == 0)
            {
                notes.Add($"port {port.Number} is opaque TCP without addresses: {service.Name} takes every destination on that port in this namespace (F3, F4)");
            }
            else if (carrier.Kind != HostMatchKind.Address)
            {
                notes.Add($"opaque TCP is matched by destination address, not by name: {query.Host} must resolve to one of {string.Join(", ", service.Addresses)}");
            }

            if (query.Protocol is { } asked && ProtocolFamilies.Of(asked) != ProtocolFamily.Tcp)
            {
                notes.Add($"the port is declared {port.Protocol.Name()}: {asked.Name()} passes as opaque bytes, without HTTP routing, retries or HTTP telemetry");
            }
        }

        if (carrier.Kind == HostMatchKind.Address && family == ProtocolFamily.Http)
        {
            notes.Add("HTTP by IP address: the route is chosen by the Host header, and older Istio releases do not route addresses as HTTP domains (F1)");
        }

        return notes;
    }

    private static (ServiceProtocol Protocol, string Source) Protocol(ExplainQuery query, IReadOnlyList<BuiltServiceEntry> built)
    {
        if (query.Protocol is { } asked)
        {
            return (asked, "asked");
        }

        foreach (var b in built)
        {
            if (b.Source.Ports.FirstOrDefault(p => p.Number == query.Port) is { } declared)
            {
                return (declared.Protocol, $"assumed: {b.Source.Name} declares port {query.Port} as {declared.Protocol.Name()}; pass --protocol to be sure");
            }
        }

        var guess = ProtocolFamilies.Assume(query.Port);
        return (guess, $"assumed from the port number; pass --protocol to be sure");
    }

    private static EntryMatch? PortOwner(BuiltServiceEntry built, int port, string import)
    {
        var source = built.Source;
        var index = source.Ports.ToList().FindIndex(p => p.Number == port && ProtocolFamilies.Of(p.Protocol) == ProtocolFamily.Tcp);
        if (index < 0 || source.Addresses.Count > 0)
        {
            return null;
        }

        return new Candidate(built, HostMatchKind.PortWide, source.Hosts[0], import).ToMatch(index);
    }

    private static string Describe(Candidate c, string host) => c.Kind switch
    {
        HostMatchKind.Exact => $"the exact host {host} is declared by {c.Built.Source.Name}",
        HostMatchKind.Wildcard => $"{host} is a subdomain of {c.Declared}, declared by {c.Built.Source.Name}",
        _ => $"{host} is inside {c.Declared}, an address of {c.Built.Source.Name}",
    };

    private static string Port(ServicePortConfig port) =>
        string.Create(CultureInfo.InvariantCulture, $"{port.Number}/{port.Protocol.Name()}");

    /// <summary>An entry visible to the namespace that covers the host, before the port is looked at.</summary>
    private sealed record Candidate(BuiltServiceEntry Built, HostMatchKind Kind, string Declared, string? Import)
    {
        public static Candidate? For(BuiltServiceEntry built, string host, string? import) =>
            DestinationMatcher.Match(built.Entry.Spec, host) is { } m ? new Candidate(built, m.Kind, m.Declared, import) : null;

        public int PortIndex(int port) => Built.Source.Ports.ToList().FindIndex(p => p.Number == port);

        public EntryMatch ToMatch(int portIndex)
        {
            var source = Built.Source;
            var editable = source.Preset is null;
            return new EntryMatch(
                source.Name,
                source.SourcePath,
                ((IKubernetesObject)Built.Entry).DisplayName,
                Kind,
                Declared,
                portIndex >= 0 ? source.Ports[portIndex] : null,
                portIndex >= 0 && editable ? ConfigPath.Index($"{source.SourcePath}.ports", portIndex) : null,
                source.Resolution,
                Import);
        }
    }
}
