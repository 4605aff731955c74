using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Manifests.Modes.Ambient;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Lint;

/// <summary>
/// Recognises ambient manifests in a linted set (a waypoint Gateway, a ServiceEntry bound with
/// <c>istio.io/use-waypoint</c>, an AuthorizationPolicy with <c>targetRefs</c>) and, when there are
/// some, flags what does nothing on the ambient path: a Sidecar, REGISTRY_ONLY, a policy attached to an
/// entry that no waypoint serves, a waypoint that takes no service traffic. A Sidecar is also flagged,
/// as istioctl's IST0167 does, when a Namespace of the files puts its namespace in ambient mode or it
/// selects an ambient Pod of the files. Reads the documents as
/// trees, so it depends on no kind's reader and never throws.
/// </summary>
public static class AmbientLint
{
    /// <summary>One read document: its tree and how findings name it.</summary>
    public sealed record Document(MappingNode Root, string? Resource);

    public static IReadOnlyList<Diagnostic> Analyze(IReadOnlyList<Document> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var findings = new List<Diagnostic>();
        var waypoints = documents.Where(IsWaypoint).ToList();
        var entries = documents.Where(d => Is(d, "networking.istio.io/", ServiceEntry.KindName)).ToList();
        var targeted = documents.Where(d => Is(d, "security.istio.io/", AuthorizationPolicy.KindName) && Node(d.Root, "spec", "targetRefs") is SequenceNode).ToList();
        var ambient = waypoints.Count > 0 || targeted.Count > 0 || entries.Any(e => Label(e.Root, AmbientNames.UseWaypoint) is not null);
        var cluster = WorkloadFacts.Read(documents.Select(d => d.Root));
        foreach (var sidecar in documents.Where(d => Is(d, "networking.istio.io/", Sidecar.KindName)))
        {
            var why = IneffectiveBecause(sidecar, cluster) is { } reason
                ? $"{Name(sidecar)} has no effect: {reason}, and ambient pods have no sidecar proxy"
                : ambient ? $"{Name(sidecar)} is a Sidecar among ambient manifests: ambient pods have no sidecar proxy, so it has no effect" : null;
            if (why is null)
            {
                continue;
            }

            findings.Add(Place(sidecar, AmbientCodes.SidecarWithoutEffect.Create("metadata.name", why)));
            if (Text(Node(sidecar.Root, "spec", "outboundTrafficPolicy", "mode")) == "REGISTRY_ONLY")
            {
                findings.Add(Place(sidecar, AmbientCodes.RegistryOnlyWithoutEffect.Create(
                    "spec.outboundTrafficPolicy.mode",
                    "REGISTRY_ONLY here limits nothing for ambient pods: ztunnel sends undeclared destinations straight out")));
            }
        }

        if (!ambient)
        {
            return findings;
        }

        foreach (var waypoint in waypoints)
        {
            if (Label(waypoint.Root, AmbientNames.WaypointFor) is "workload" or "none")
            {
                findings.Add(Place(waypoint, AmbientCodes.WaypointNotForServices.Create(
                    "metadata.labels",
                    $"{Name(waypoint)} is for '{Label(waypoint.Root, AmbientNames.WaypointFor)}' traffic: Istio binds no ServiceEntry to it (UnsupportedTrafficType)")));
            }
        }

        foreach (var policy in targeted)
        {
            var refs = (SequenceNode)Node(policy.Root, "spec", "targetRefs")!;
            for (var i = 0; i < refs.Items.Count; i++)
            {
                if (refs.Items[i] is not MappingNode target || Text(target["kind"]) != ServiceEntry.KindName)
                {
                    continue;
                }

                var ns = Text(target["namespace"]) ?? Namespace(policy);
                var entry = entries.FirstOrDefault(e => Namespace(e) == ns && Text(Node(e.Root, "metadata", "name")) == Text(target["name"]));
                if (entry is not null && Label(entry.Root, AmbientNames.UseWaypoint) is null)
                {
                    findings.Add(Place(policy, AmbientCodes.PolicyTargetNotBound.Create(
                        $"spec.targetRefs[{i}].name",
                        $"{Name(policy)} targets {Name(entry)}, which has no {AmbientNames.UseWaypoint} label: no waypoint enforces the policy")));
                }
            }
        }

        return findings;
    }

    /// <summary>
    /// istioctl's sidecar.SelectorAnalyzer (IST0167): a Sidecar without a selector in a namespace that a
    /// Namespace of the files puts in ambient mode, or one whose selector picks an ambient Pod of the files.
    /// </summary>
    private static string? IneffectiveBecause(Document sidecar, WorkloadFacts cluster)
    {
        var ns = Namespace(sidecar);
        var selector = SpecNode.StringMap(SpecNode.Map(SpecNode.Map(sidecar.Root, "spec"), "workloadSelector"), "labels")
            .GroupBy(l => l.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        if (selector.Count == 0)
        {
            return cluster.AmbientNamespaces.Contains(ns) ? $"the namespace '{ns}' is in ambient mode (label {AmbientNames.DataplaneMode}=ambient)" : null;
        }

        var pod = cluster.Pods.FirstOrDefault(p => p.Ambient && p.Namespace == ns && selector.All(l => p.Labels.TryGetValue(l.Key, out var v) && v == l.Value));
        return pod is null ? null : $"the pod '{pod.Name}' it selects is in ambient mode ({WorkloadFacts.AmbientRedirection}: enabled)";
    }

    private static bool IsWaypoint(Document d) =>
        Is(d, WaypointGateway.Group + "/", WaypointGateway.KindName) && Text(Node(d.Root, "spec", "gatewayClassName")) == WaypointGateway.WaypointClass;

    private static bool Is(Document d, string groupPrefix, string kind) =>
        Text(d.Root["kind"]) == kind && Text(d.Root["apiVersion"]) is { } api && api.StartsWith(groupPrefix, StringComparison.Ordinal);

    private static string? Label(MappingNode root, string key) => Text(Node(root, "metadata", "labels", key));

    private static string Namespace(Document d) => Text(Node(d.Root, "metadata", "namespace")) ?? ManifestLinter.DefaultNamespace;

    private static string Name(Document d) => d.Resource ?? $"{Text(d.Root["kind"])} {Namespace(d)}/{Text(Node(d.Root, "metadata", "name"))}";

    private static Diagnostic Place(Document d, Diagnostic finding) => finding with
    {
        Location = ConfigPath.LocateSource(d.Root, finding.Path),
        Resource = d.Resource,
    };

    private static ConfigNode? Node(MappingNode root, params string[] keys)
    {
        ConfigNode? node = root;
        foreach (var key in keys)
        {
            node = node is MappingNode map ? map[key] : null;
        }

        return node;
    }

    private static string? Text(ConfigNode? node) => node is ScalarNode scalar ? scalar.Text : null;
}
