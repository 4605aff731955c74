using System.Globalization;
using System.Text;
using EgressInfra.Core.Config;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Import;

/// <summary>Writes the imported config as a stack file: notes as comments on top, then <c>config:</c>.</summary>
internal static class ImportWriter
{
    /// <summary>The project's keys (no namespace prefix), as the binder reads them.</summary>
    public static MappingNode Config(
        ImportOptions options,
        SortedSet<string> governed,
        OutboundTrafficPolicy policy,
        List<string>? imports,
        List<ImportedService> services,
        List<ImportedPreset> presets,
        GatewayRender render)
    {
        var gateway = render.Namespace is null ? null : render;
        var egress = new List<(string, ConfigNode)>();
        if (gateway is not null)
        {
            egress.AddRange(GatewayBlock(gateway));
        }

        egress.Add(("outboundTrafficPolicy", S(policy.Name())));
        egress.Add(("namespaces", Seq(governed.Select(S))));
        if (imports is not null)
        {
            egress.Add(("sidecarImports", Seq(imports.Select(S))));
        }

        if (presets.Count > 0)
        {
            egress.Add(("presets", Seq(presets.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Region, StringComparer.Ordinal).Select(Preset))));
        }

        if (services.Count > 0)
        {
            egress.Add(("services", Seq(services.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => Service(s, gateway)))));
        }

        return Map(("environment", S(options.Environment.Name())), ("egress", Map([.. egress])));
    }

    public static string Stack(MappingNode body, ImportInput input, List<string> notes, List<string> differences, int services, int presets)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Imported by `egressctl import` from {input.ServiceEntryCount} ServiceEntries and {input.SidecarCount} Sidecars ({input.Documents} objects")
            .Append(input.Skipped.Count == 0 ? ")" : $"; skipped: {string.Join(", ", input.Skipped.Select(k => $"{k.Key} {k.Value}"))})")
            .Append(CultureInfo.InvariantCulture, $": {services} services, {presets} presets.\n")
            .Append("# Review owners and reasons (the restrictive profile requires both) before deploying.\n");
        if (input.Gateway.Namespace is { } gateway)
        {
            sb.Append(CultureInfo.InvariantCulture, $"# Gateway mode: read from {input.Gateway.Objects} egress-infra objects; {gateway} is the gateway's namespace, its ServiceEntry copies are not services.\n");
        }

        if (notes.Count > 0)
        {
            sb.Append("# Not carried over or changed:\n");
            foreach (var note in notes)
            {
                sb.Append("#   - ").Append(OneLine(note)).Append('\n');
            }
        }

        sb.Append(differences.Count == 0
            ? "# Grants: every governed namespace reaches exactly what the manifests granted.\n"
            : "# Grants that differ from the manifests:\n");
        foreach (var difference in differences)
        {
            sb.Append("#   ").Append(OneLine(difference)).Append('\n');
        }

        var prefixed = new MappingNode([.. body.Entries.Select(e => new KeyValuePair<ScalarNode, ConfigNode>(S($"{Sources.StackFile.DefaultProjectName}:{e.Key.Text}"), e.Value))]);
        sb.Append(YamlWriter.Write(Map(("config", prefixed))));
        return sb.ToString();
    }

    private static MappingNode Preset(ImportedPreset preset)
    {
        var entries = new List<(string, ConfigNode)> { ("name", S(preset.Name)) };
        if (preset.Region is not null)
        {
            entries.Add(("region", S(preset.Region)));
        }

        entries.Add(("namespaces", Seq(preset.Namespaces.Select(S))));
        AddOwnership(entries, preset.Owner, preset.Reason);
        return Map([.. entries]);
    }

    /// <summary><c>mode: gateway</c>, the gateway's namespace, selector and Service, and whether NetworkPolicies were rendered.</summary>
    private static IEnumerable<(string, ConfigNode)> GatewayBlock(GatewayRender gateway)
    {
        yield return ("mode", S(EgressMode.Gateway.Name()));
        var block = new List<(string, ConfigNode)> { ("namespace", S(gateway.Namespace!)) };
        if (gateway.Selector() is { Count: > 0 } selector)
        {
            block.Add(("selector", Map([.. selector.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, (ConfigNode)S(p.Value)))])));
        }

        if (gateway.Service() is { } service)
        {
            block.Add(("service", S(service)));
        }

        yield return ("gateway", Map([.. block]));
        yield return ("networkPolicy", Map(("enabled", new ScalarNode(gateway.NetworkPolicies ? "true" : "false", ScalarKind.Boolean))));
    }

    private static MappingNode Service(ImportedService service, GatewayRender? gateway)
    {
        var spec = service.Spec;
        var entries = new List<(string, ConfigNode)>
        {
            ("name", S(service.Name)),
            ("hosts", Seq(spec.Hosts.Order(StringComparer.Ordinal).Select(S))),
        };
        if (spec.Addresses.Count > 0)
        {
            entries.Add(("addresses", Seq(spec.Addresses.Order(StringComparer.Ordinal).Select(S))));
        }

        entries.Add(("ports", Seq(spec.Ports.OrderBy(p => p.Number).Select(p => Port(p, gateway is not null && spec.Hosts.Any(h => gateway.Originates(h, p.Number)))))));
        entries.Add(("resolution", S(Grants.Resolution(spec).Name())));
        if (Grants.Location(spec) == ServiceLocation.MeshInternal)
        {
            entries.Add(("location", S(ServiceLocation.MeshInternal.Name())));
        }

        entries.Add(("namespaces", Seq(service.Namespaces.Select(S))));
        if (spec.Endpoints.Count > 0)
        {
            entries.Add(("endpoints", Seq(spec.Endpoints.Where(e => e.Address is not null).Select(Endpoint))));
        }

        if (spec.SubjectAltNames.Count > 0)
        {
            entries.Add(("subjectAltNames", Seq(spec.SubjectAltNames.Select(S))));
        }

        if (gateway is not null && !spec.Hosts.Any(gateway.Hosts().Contains))
        {
            entries.Add(("bypassGateway", new ScalarNode("true", ScalarKind.Boolean)));
        }

        AddOwnership(entries, service.Owner, service.Reason);
        return Map([.. entries]);
    }

    private static MappingNode Port(ServicePort port, bool originateTls)
    {
        var protocol = Grants.Protocol(port)!.Value;
        var entries = new List<(string, ConfigNode)> { ("number", I(port.Number)), ("protocol", S(protocol.Name())) };
        if (port.Name is { Length: > 0 } name && name != IstioNames.DefaultPortName(protocol, (int)port.Number))
        {
            entries.Add(("name", S(name)));
        }

        if (port.TargetPort is { } target and not 0)
        {
            entries.Add(("targetPort", I(target)));
        }

        if (originateTls && protocol == ServiceProtocol.Http)
        {
            entries.Add(("originateTls", new ScalarNode("true", ScalarKind.Boolean)));
        }

        return Map([.. entries]);
    }

    private static MappingNode Endpoint(WorkloadEntry endpoint)
    {
        var entries = new List<(string, ConfigNode)> { ("address", S(endpoint.Address!)) };
        if (endpoint.Ports.Count > 0)
        {
            entries.Add(("ports", Map([.. endpoint.Ports.Select(p => (p.Key, (ConfigNode)I(p.Value)))])));
        }

        if (endpoint.Labels.Count > 0)
        {
            entries.Add(("labels", Map([.. endpoint.Labels.Select(l => (l.Key, (ConfigNode)S(l.Value)))])));
        }

        foreach (var (key, value) in new[] { ("network", endpoint.Network), ("locality", endpoint.Locality) })
        {
            if (value is { Length: > 0 })
            {
                entries.Add((key, S(value)));
            }
        }

        if (endpoint.Weight is { } weight)
        {
            entries.Add(("weight", I(weight)));
        }

        return Map([.. entries]);
    }

    private static void AddOwnership(List<(string, ConfigNode)> entries, string? owner, string? reason)
    {
        if (owner is not null)
        {
            entries.Add(("owner", S(owner)));
        }

        if (reason is not null)
        {
            entries.Add(("reason", S(reason)));
        }
    }

    private static string OneLine(string text) => text.Replace('\n', ' ').Replace('\r', ' ');

    private static ScalarNode S(string text) => new(text, ScalarKind.String);

    private static ScalarNode I(long value) => new(value.ToString(CultureInfo.InvariantCulture), ScalarKind.Integer);

    private static SequenceNode Seq(IEnumerable<ConfigNode> items) => new([.. items]);

    private static MappingNode Map(params (string Key, ConfigNode Value)[] entries) =>
        new([.. entries.Select(e => new KeyValuePair<ScalarNode, ConfigNode>(S(e.Key), e.Value))]);
}
