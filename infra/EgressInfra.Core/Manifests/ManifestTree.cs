using System.Globalization;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Manifests;

/// <summary>
/// Converts objects to <see cref="ConfigNode"/> trees in the field order Kubernetes users expect,
/// leaving out what is empty or unset. The one place that decides a manifest's shape: the YAML
/// writer and the Pulumi mapping's tests both start from it.
/// </summary>
public static partial class ManifestTree
{
    public static MappingNode ToTree(IKubernetesObject obj)
    {
        var spec = obj switch
        {
            ServiceEntry se => Spec(se.Spec),
            Sidecar sc => Spec(sc.Spec),
            Gateway gw => Spec(gw.Spec),
            VirtualService vs => Spec(vs.Spec),
            DestinationRule dr => Spec(dr.Spec),
            AuthorizationPolicy ap => Spec(ap.Spec),
            NetworkPolicy np => Spec(np.Spec),
            WaypointGateway wg => Spec(wg.Spec),
            _ => throw new ArgumentException($"unsupported object {obj.Kind}", nameof(obj)),
        };
        return Map(
            ("apiVersion", Str(obj.ApiVersion)),
            ("kind", Str(obj.Kind)),
            ("metadata", Metadata(obj.Metadata)),
            ("spec", spec));
    }

    public static MappingNode Metadata(ObjectMetadata metadata) => Map(
        ("name", Str(metadata.Name)),
        ("namespace", metadata.Namespace is null ? null : Str(metadata.Namespace)),
        ("labels", StringMap(metadata.Labels)),
        ("annotations", StringMap(metadata.Annotations)));

    public static MappingNode Spec(ServiceEntrySpec spec) => Map(
        ("hosts", Strings(spec.Hosts)),
        ("addresses", Strings(spec.Addresses)),
        ("ports", List(spec.Ports.Select(p => Map(
            ("number", Int(p.Number)),
            ("protocol", p.Protocol is null ? null : Str(p.Protocol)),
            ("name", p.Name is null ? null : Str(p.Name)),
            ("targetPort", p.TargetPort is null ? null : Int(p.TargetPort.Value)))))),
        ("location", spec.Location is null ? null : Str(spec.Location)),
        ("resolution", spec.Resolution is null ? null : Str(spec.Resolution)),
        ("endpoints", List(spec.Endpoints.Select(e => Map(
            ("address", e.Address is null ? null : Str(e.Address)),
            ("ports", e.Ports.Count == 0 ? null : Map([.. e.Ports.Select(p => (p.Key, (ConfigNode?)Int(p.Value)))])),
            ("labels", StringMap(e.Labels)),
            ("network", e.Network is null ? null : Str(e.Network)),
            ("locality", e.Locality is null ? null : Str(e.Locality)),
            ("weight", e.Weight is null ? null : Int(e.Weight.Value)),
            ("serviceAccount", e.ServiceAccount is null ? null : Str(e.ServiceAccount)))))),
        ("workloadSelector", spec.WorkloadSelector is null ? null : Map(("labels", StringMap(spec.WorkloadSelector.Labels)))),
        ("exportTo", Strings(spec.ExportTo)),
        ("subjectAltNames", Strings(spec.SubjectAltNames)));

    public static MappingNode Spec(SidecarSpec spec) => Map(
        ("egress", new SequenceNode([Map(("hosts", Strings(spec.EgressHosts)))])),
        ("outboundTrafficPolicy", Map(("mode", Str(spec.OutboundTrafficPolicy)))));

    private static ScalarNode Str(string value) => new(value, ScalarKind.String);

    private static ScalarNode Bool(bool value) => new(value ? "true" : "false", ScalarKind.Boolean);

    private static ScalarNode? OptStr(string? value) => value is null ? null : Str(value);

    private static ScalarNode? OptInt(long? value) => value is null ? null : Int(value.Value);

    private static ScalarNode? OptBool(bool? value) => value is null ? null : Bool(value.Value);

    private static ScalarNode Int(long value) => new(value.ToString(CultureInfo.InvariantCulture), ScalarKind.Integer);

    private static SequenceNode? Strings(Collections.ValueList<string> values) =>
        values.Count == 0 ? null : new SequenceNode([.. values.Select(Str)]);

    private static SequenceNode? List(IEnumerable<ConfigNode> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? null : new SequenceNode(list);
    }

    private static MappingNode? StringMap(Collections.ValueMap<string> values) =>
        values.Count == 0 ? null : Map([.. values.Select(kv => (kv.Key, (ConfigNode?)Str(kv.Value)))]);

    private static MappingNode Map(params (string Key, ConfigNode? Value)[] entries) =>
        new([.. entries.Where(e => e.Value is not null).Select(e => new KeyValuePair<ScalarNode, ConfigNode>(Str(e.Key), e.Value!))]);
}
