using System.Globalization;
using System.Text;
using EgressInfra.Core.Collections;
using EgressInfra.Core.Config;
using EgressInfra.Core.Diff;
using EgressInfra.Core.Explain;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Manifests.Modes;

namespace EgressInfra.Core.Graph;

/// <summary>
/// Draws a stack as a Mermaid flowchart: each governed namespace points at the external destinations
/// (<c>host:port/PROTOCOL</c>) its Sidecar lets through, each edge labelled with the service that
/// grants it (in gateway mode, whether through the egress gateway or directly). Each namespace shows
/// its posture. Node ids are positions in sorted order, so the same stack always draws the same text.
/// </summary>
public static class MermaidGraph
{
    public static string Write(StackConfig config, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var egress = config.Egress;
        var built = ManifestBuilder.BuildServiceEntries(egress);
        var edges = new SortedSet<(string Namespace, string Destination, string Service)>(Comparer<(string Namespace, string Destination, string Service)>.Create(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Namespace, b.Namespace);
            c = c != 0 ? c : string.CompareOrdinal(a.Destination, b.Destination);
            return c != 0 ? c : string.CompareOrdinal(a.Service, b.Service);
        }));
        var ambient = egress.Mode == EgressMode.Ambient;
        foreach (var ns in ambient ? ValueList<string>.Empty : egress.Namespaces)
        {
            var sidecar = ManifestBuilder.BuildSidecar(egress, ns).Spec;
            foreach (var b in built)
            {
                var entryNs = b.Entry.Metadata.Namespace ?? ns;
                if (DestinationMatcher.IsExported(b.Entry.Spec, entryNs, ns) && DestinationMatcher.ImportFor(sidecar, b.Entry.Spec, entryNs, ns) is not null)
                {
                    foreach (var destination in EgressSnapshot.DestinationsOf(b.Source))
                    {
                        edges.Add((ns, destination, b.Source.Name));
                    }
                }
            }
        }

        if (ambient)
        {
            // ztunnel ignores exportTo: the waypoint's per-entry policy alone decides who gets through.
            foreach (var service in egress.Services)
            {
                foreach (var ns in service.Namespaces)
                {
                    foreach (var destination in EgressSnapshot.DestinationsOf(service))
                    {
                        edges.Add((ns, destination, service.Name));
                    }
                }
            }
        }

        var namespaces = egress.Namespaces.Order(StringComparer.Ordinal).ToList();
        var destinations = edges.Select(e => e.Destination).Distinct().Order(StringComparer.Ordinal).ToList();
        var nsId = namespaces.Select((n, i) => (n, Id("ns", i))).ToDictionary(x => x.n, x => x.Item2, StringComparer.Ordinal);
        var destId = destinations.Select((d, i) => (d, Id("d", i))).ToDictionary(x => x.d, x => x.Item2, StringComparer.Ordinal);

        var sb = new StringBuilder();
        if (title is not null)
        {
            // Front matter is YAML, not a Mermaid label: quote it the YAML way.
            sb.Append("---\ntitle: ").Append(YamlWriter.QuoteIfNeeded(title.ReplaceLineEndings(" "))).Append("\n---\n");
        }

        sb.Append("flowchart LR\n");
        if (ambient)
        {
            sb.Append($"  %% mode ambient: waypoint {egress.Ambient.WaypointName}\n");
        }

        var postures = ModeBuilders.For(egress.Mode).Postures(egress).ToDictionary(p => p.Namespace, p => p.Name, StringComparer.Ordinal);
        foreach (var ns in namespaces)
        {
            var posture = postures.TryGetValue(ns, out var name) ? $" ({name})" : string.Empty;
            sb.Append($"  {nsId[ns]}([\"{Escape(ns + posture)}\"])\n");
        }

        foreach (var d in destinations)
        {
            sb.Append($"  {destId[d]}[\"{Escape(d)}\"]\n");
        }

        // In ambient mode only the NetworkPolicy stops what has no entry: ztunnel ignores REGISTRY_ONLY.
        var allowAny = ambient ? !egress.NetworkPolicy.Enabled : egress.OutboundTrafficPolicy == OutboundTrafficPolicy.AllowAny;
        if (allowAny)
        {
            sb.Append($"  any{{{{\"{Escape(EgressSnapshot.AnyDestination)}\"}}}}\n");
        }

        var gatewayMode = egress.Mode == EgressMode.Gateway;
        foreach (var (ns, destination, service) in edges)
        {
            var label = ambient ? $"{service}, via waypoint"
                : !gatewayMode ? service
                : egress.Services.Any(s => s.Name == service && s.BypassGateway) ? $"{service}, direct"
                : $"{service}, via gateway";
            sb.Append($"  {nsId[ns]} -->|\"{Escape(label)}\"| {destId[destination]}\n");
        }

        if (allowAny)
        {
            foreach (var ns in namespaces)
            {
                sb.Append(ambient ? $"  {nsId[ns]} -.->|\"no NetworkPolicy\"| any\n" : $"  {nsId[ns]} -.->|\"PassthroughCluster\"| any\n");
            }
        }

        sb.Append("  classDef namespace fill:#e8f0fe,stroke:#3367d6\n");
        if (namespaces.Count > 0)
        {
            sb.Append("  class ").Append(string.Join(",", namespaces.Select(n => nsId[n]))).Append(" namespace\n");
        }

        return sb.ToString();
    }

    /// <summary>The diagram inside a <c>```mermaid</c> fence, which GitHub renders in Markdown.</summary>
    public static string WriteMarkdown(StackConfig config, string? title = null) =>
        $"```mermaid\n{Write(config, title)}```\n";

    /// <summary>Escapes a label for a quoted Mermaid string with Mermaid's entity codes.</summary>
    public static string Escape(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var sb = new StringBuilder(label.Length);
        foreach (var c in label.ReplaceLineEndings(" "))
        {
            sb.Append(c switch
            {
                '"' => "#quot;",
                '#' => "#35;",
                '<' => "#lt;",
                '>' => "#gt;",
                '&' => "#amp;",
                '`' => "#96;",
                '|' => "#124;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    private static string Id(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{index + 1}");
}
