using EgressInfra.Core.Lint;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Manifests.Reading;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Import;

/// <summary>The ServiceEntries and Sidecars of the input files (List documents expanded), and notes on what was left aside while reading.</summary>
internal sealed class ImportInput
{
    private static readonly string[] SidecarExtras = ["ingress", "inboundConnectionPool"];
    private static readonly string[] ListenerExtras = ["port", "bind", "captureMode"];

    public List<SourceEntry> Entries { get; } = [];

    public Dictionary<string, SourceSidecar> Sidecars { get; } = new(StringComparer.Ordinal);

    public List<string> Notes { get; } = [];

    public int Documents { get; private set; }

    public int ServiceEntryCount { get; private set; }

    public int SidecarCount { get; private set; }

    public SortedDictionary<string, int> Skipped { get; } = new(StringComparer.Ordinal);

    /// <summary>egress-infra's gateway-mode objects (Gateway, VirtualService, DestinationRule, AuthorizationPolicy, NetworkPolicy).</summary>
    public GatewayRender Gateway { get; } = new();

    public static ImportInput Read(IEnumerable<(string File, string Text)> inputs)
    {
        var input = new ImportInput();
        foreach (var (file, text) in inputs)
        {
            foreach (var document in YamlTreeReader.ReadAll(text, file))
            {
                if (document.Root is null)
                {
                    if (document.Problems.FirstOrDefault(p => p.IsError) is { } problem)
                    {
                        input.Notes.Add($"{file}:{document.StartLine}: not read: {problem.Message}");
                    }

                    continue;
                }

                foreach (var item in ManifestList.Expand(document.Root))
                {
                    input.Add(item, file);
                }
            }
        }

        input.SetAsideGateway();
        return input;
    }

    /// <summary>In a gateway-mode render, the gateway's namespace is no governed namespace: its ServiceEntry copies and Sidecar go.</summary>
    private void SetAsideGateway()
    {
        if (Gateway.Namespace is not { } gateway)
        {
            return;
        }

        Entries.RemoveAll(e => e.Namespace == gateway && e.Entry.Metadata.Labels.GetValueOrDefault(ManagedLabels.ManagedBy) == ManagedLabels.ManagedByValue);
        if (Sidecars.TryGetValue(gateway, out var sidecar) && sidecar.Sidecar.Metadata.Labels.GetValueOrDefault(ManagedLabels.ManagedBy) == ManagedLabels.ManagedByValue)
        {
            Sidecars.Remove(gateway);
        }
    }

    private void Add(ConfigNode node, string file)
    {
        Documents++;
        var read = ManifestReader.Read(node);
        var where = node.Location is { } l ? $"{l.File}:{l.Line}" : file;
        switch (read.Kind)
        {
            case ManifestKind.Other:
                if (Gateway.Observe(read.KindName, node, TreeValues.String(TreeValues.Mapping(node, "metadata")?["namespace"]) ?? ManifestLinter.DefaultNamespace))
                {
                    return;
                }

                Skipped[read.KindName!] = Skipped.GetValueOrDefault(read.KindName!) + 1;
                return;
            case ManifestKind.Invalid:
                Notes.Add($"{where}: not read: {(read.Diagnostics.Count > 0 ? read.Diagnostics[0].Message : null) ?? "not a Kubernetes object"}");
                return;
        }

        if (read.Object is null)
        {
            var why = read.Diagnostics.FirstOrDefault(d => d.IsError)?.Message ?? "it could not be decoded";
            Notes.Add($"{where}: {read.Resource} not carried over: the API server would reject it ({why})");
            return;
        }

        var ns = read.Object.Metadata.Namespace ?? ManifestLinter.DefaultNamespace;
        if (read.Object is ServiceEntry entry)
        {
            ServiceEntryCount++;
            Entries.Add(new SourceEntry(entry with { Metadata = entry.Metadata with { Namespace = ns } }, ns));
            return;
        }

        SidecarCount++;
        var sidecar = (Sidecar)read.Object;
        var spec = (node as MappingNode)?["spec"] as MappingNode;
        var display = $"Sidecar {ns}/{sidecar.Metadata.Name}";
        if (spec?["workloadSelector"] is MappingNode)
        {
            Notes.Add($"{display} selects workloads; not carried over (the stack writes one namespace-wide Sidecar per namespace)");
            return;
        }

        if (Sidecars.TryGetValue(ns, out var first))
        {
            Notes.Add($"{display} is a second namespace-wide Sidecar in {ns} (Istio uses the oldest one); {first.Sidecar.Metadata.Name} is the one carried over");
            return;
        }

        Sidecars[ns] = new SourceSidecar(sidecar, ns);
        var extras = SidecarExtras.Where(k => spec?[k] is not null)
            .Concat(TreeValues.Items(spec?["egress"]).OfType<MappingNode>().SelectMany(l => ListenerExtras.Where(k => l[k] is not null)).Select(k => $"egress.{k}"))
            .Concat((spec?["outboundTrafficPolicy"] as MappingNode)?["egressProxy"] is not null ? ["outboundTrafficPolicy.egressProxy"] : [])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (extras.Count > 0)
        {
            Notes.Add($"{display}: {string.Join(", ", extras)} not carried over; the stack's Sidecar has one egress listener (hosts) and the outbound policy");
        }
    }
}
