using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Analysis.Enforcement;

/// <summary>
/// The objects of one analysis (every file lint read, or every object a stack generates), with the
/// lookups the rules share: by kind, Istio's host resolution, which gateways a VirtualService binds.
/// </summary>
public sealed class ObjectSet
{
    public const string Core = "";
    public const string Networking = EnforcementKind.IstioNetworking;
    public const string Security = EnforcementKind.IstioSecurity;
    public const string KubeNetworking = EnforcementKind.KubernetesNetworking;
    public const string GatewayApi = "gateway.networking.k8s.io";

    /// <summary>Istio's default root namespace: a policy there without a selector applies to the whole mesh.</summary>
    public const string RootNamespace = "istio-system";

    private static readonly string[] WorkloadKinds = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "Pod"];

    public ObjectSet(IReadOnlyList<SetObject> objects) => Objects = objects;

    public IReadOnlyList<SetObject> Objects { get; }

    public IEnumerable<(int Index, SetObject Object)> OfKind(string group, string kind) =>
        Objects.Select((o, i) => (i, o)).Where(p => p.o.Is(group, kind));

    public IEnumerable<(int Index, SetObject Object)> Gateways => OfKind(Networking, "Gateway");

    public IEnumerable<(int Index, SetObject Object)> VirtualServices => OfKind(Networking, "VirtualService");

    public IEnumerable<(int Index, SetObject Object)> DestinationRules => OfKind(Networking, "DestinationRule");

    public IEnumerable<(int Index, SetObject Object)> Policies => OfKind(Security, "AuthorizationPolicy");

    public IEnumerable<(int Index, SetObject Object)> NetworkPolicies => OfKind(KubeNetworking, "NetworkPolicy");

    public IEnumerable<(int Index, SetObject Object)> ServiceEntries => OfKind(Networking, "ServiceEntry");

    /// <summary>Workloads with their pod labels: the template's labels, or a Pod's own.</summary>
    public IEnumerable<(string Namespace, IReadOnlyDictionary<string, string> Labels)> Workloads =>
        Objects.Where(o => WorkloadKinds.Contains(o.Kind, StringComparer.Ordinal)).Select(o =>
        {
            var metadata = o.Kind == "Pod"
                ? SpecNode.Map(o.Input.Root, "metadata")
                : SpecNode.Map(SpecNode.Map(o.Input.Spec, "template"), "metadata");
            IReadOnlyDictionary<string, string> labels = SpecNode.StringMap(metadata, "labels")
                .GroupBy(l => l.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
            return (o.Namespace, labels);
        });

    /// <summary>Istio's ResolveShortnameToFQDN: a name without a dot is a Service in the object's namespace.</summary>
    public static string ResolveHost(string host, string ns) =>
        host.Length == 0 || host.Contains('.', StringComparison.Ordinal) || host == "*" ? host : $"{host}.{ns}.svc.cluster.local";

    /// <summary>
    /// The Gateway a VirtualService names: 'ns/name', 'name' (the VirtualService's namespace) or the
    /// legacy 'name.ns[.svc.cluster.local]'. Null for 'mesh'.
    /// </summary>
    public static (string Namespace, string Name)? ResolveGateway(string reference, string ns)
    {
        if (reference == "mesh")
        {
            return null;
        }

        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            return (reference[..slash], reference[(slash + 1)..]);
        }

        var parts = reference.Split('.');
        return parts.Length >= 2 ? (parts[1], parts[0]) : (ns, reference);
    }

    public SetObject? FindGateway(string ns, string name) =>
        Gateways.Select(g => g.Object).FirstOrDefault(g => g.Namespace == ns && g.Name == name);

    /// <summary>The selector of a Gateway (spec.selector) as a dictionary.</summary>
    public static IReadOnlyDictionary<string, string> GatewaySelector(SetObject gateway) =>
        SpecNode.StringMap(gateway.Input.Spec, "selector").GroupBy(l => l.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
}
