using EgressInfra.Core.Config;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Manifests.Modes.Ambient;

namespace EgressInfra.Core.Explain;

public static partial class EgressExplainer
{
    /// <summary>
    /// The ambient path: ztunnel sends traffic for a host with an entry to the entry's waypoint, which
    /// lets through only the namespaces its AuthorizationPolicy names; ztunnel ignores exportTo, so every
    /// entry is seen from every namespace. Anything else leaves directly, and the NetworkPolicy, when
    /// rendered, drops it.
    /// </summary>
    private static Explanation TraceAmbient(StackConfig config, ExplainQuery query, Explanation answer)
    {
        var egress = config.Egress;
        var ambient = egress.Ambient;
        var ns = query.Namespace;
        var built = AmbientModeBuilder.Granted(egress)
            .Select(s => new BuiltServiceEntry(ManifestBuilder.BuildServiceEntry(s, ambient.Namespace), s))
            .ToList();
        var fenced = egress.NetworkPolicy.Enabled;
        answer = answer with { Mode = EgressMode.Ambient.Name(), Waypoint = ambient.WaypointName };
        if (!egress.Namespaces.Contains(ns))
        {
            return answer with
            {
                Outcome = ExplainOutcome.NotGoverned,
                Reason = $"{ns} is not one of the namespaces this stack governs ({string.Join(", ", egress.Namespaces)}): it has no NetworkPolicy of this stack, and the waypoint {ambient.WaypointName} refuses it",
                Symptom = AmbientSymptoms.NotGoverned(answer.Protocol),
            };
        }

        var matches = built
            .Select(b => Candidate.For(b, query.Host, null))
            .OfType<Candidate>()
            .OrderBy(c => c.Kind)
            .ToList();
        var carriers = matches.Where(c => c.PortIndex(query.Port) >= 0).ToList();
        if (carriers.FirstOrDefault(c => c.Built.Source.Namespaces.Contains(ns)) is { } carrier)
        {
            var through = Through(answer, carrier, query);
            return through.Allowed
                ? through with { Notes = [.. AmbientNotes(ambient, carrier, ns), .. through.Notes.Where(n => !n.StartsWith("matched by SNI", StringComparison.Ordinal))] }
                : through;
        }

        if (carriers.FirstOrDefault() is { } other)
        {
            var service = other.Built.Source;
            return answer with
            {
                Outcome = ExplainOutcome.WrongNamespace,
                Reason = $"{service.Name} ({service.SourcePath}) declares {query.Destination} and ztunnel sends it to the waypoint {ambient.WaypointName}, but its AuthorizationPolicy allows {string.Join(", ", service.Namespaces)} only, not {ns}",
                Match = other.ToMatch(other.PortIndex(query.Port)),
                Symptom = AmbientSymptoms.Denied(answer.Protocol),
            };
        }

        if (!fenced)
        {
            return answer with
            {
                Outcome = ExplainOutcome.Passthrough,
                Reason = $"no entry declares {query.Destination}, so ztunnel sends it straight to its destination, and no NetworkPolicy stops it (networkPolicy.enabled is false)",
                Notes = [$"with the NetworkPolicy it would be dropped: {AmbientSymptoms.Dropped().Observed}"],
            };
        }

        if (matches.Count > 0)
        {
            var near = matches[0];
            var ports = string.Join(", ", near.Built.Source.Ports.Select(p => Port(p)));
            return answer with
            {
                Outcome = ExplainOutcome.PortNotDeclared,
                Reason = $"{Describe(near, query.Host)}, but only on {ports}, not on port {query.Port}: ztunnel does not send that port to the waypoint, and the NetworkPolicy drops the direct connection",
                Match = near.ToMatch(-1),
                Symptom = AmbientSymptoms.Dropped(),
            };
        }

        return answer with
        {
            Outcome = ExplainOutcome.NoEntry,
            Reason = $"no entry declares {query.Destination}: ztunnel sends it straight out, and the NetworkPolicy of {ns} drops it (only DNS, istiod, the imported mesh and the waypoint on HBONE are allowed)",
            Symptom = AmbientSymptoms.Dropped(),
        };
    }

    private static IEnumerable<string> AmbientNotes(AmbientConfig ambient, Candidate carrier, string ns)
    {
        var service = carrier.Built.Source;
        yield return $"path: ztunnel -> HBONE (15008) -> waypoint {ambient.WaypointName} -> {carrier.Declared}; AuthorizationPolicy {ambient.Namespace}/{service.Name} allows {ns}";
        if (service.Resolution != ServiceResolution.None)
        {
            yield return "ztunnel recognises the host by the address Istio allocates to the entry: pods must resolve it through ztunnel's DNS proxy, or the connection goes straight out and is dropped";
        }
    }
}
