using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Manifests.Modes.Ambient;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Lint;

/// <summary>
/// Recognises ambient manifests in a linted set (a waypoint Gateway, a ServiceEntry bound with
/// <c>istio.io/use-waypoint</c>, an AuthorizationPolicy with <c>targetRefs</c>) and, when there are
/// some, flags what does nothing on the ambient path: a Sidecar, REGISTRY_ONLY, a policy attached to an
/// entry that no waypoint serves, a waypoint that takes no service traffic. Reads the documents as
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
        if (!ambient)
        {
            return findings;
        }

        foreach (var sidecar in documents.Where(d => Is(d, "networking.istio.io/", Sidecar.KindName)))
        {
            findings.Add(Place(sidecar, AmbientCodes.SidecarWithoutEffect.Create(
                "metadata.name",
                $"{Name(sidecar)} is a Sidecar among ambient manifests: ambient pods have no sidecar proxy, so it has no effect")));
            if (Text(Node(sidecar.Root, "spec", "outboundTrafficPolicy", "mode")) == "REGISTRY_ONLY")
            {
                findings.Add(Place(sidecar, AmbientCodes.RegistryOnlyWithoutEffect.Create(
                    "spec.outboundTrafficPolicy.mode",
                    "REGISTRY_ONLY here limits nothing for ambient pods: ztunnel sends undeclared destinations straight out")));
            }
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
