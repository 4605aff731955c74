using System.Collections.Concurrent;
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
            ("apiVersion", Word(obj.ApiVersion)),
            ("kind", Word(obj.Kind)),
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
            ("protocol", p.Protocol is null ? null : Word(p.Protocol)),
            ("name", p.Name is null ? null : Str(p.Name)),
            ("targetPort", p.TargetPort is null ? null : Int(p.TargetPort.Value)))))),
        ("location", spec.Location is null ? null : Word(spec.Location)),
        ("resolution", spec.Resolution is null ? null : Word(spec.Resolution)),
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

    private static ScalarNode Int(long value)
    {
        if (Numbers.TryGetValue(value, out var node))
        {
            return node;
        }

        node = new ScalarNode(value.ToString(CultureInfo.InvariantCulture), ScalarKind.Integer);
        if (Numbers.Count < MaxShared)
        {
            Numbers.TryAdd(value, node);
        }

        return node;
    }

    /// <summary>
    /// A key or a word from a small vocabulary (kinds, protocols, field names), as one shared node: a
    /// tree without locations is immutable, and a large render would otherwise allocate the same
    /// nodes hundreds of thousands of times. The caches stop growing at <see cref="MaxShared"/>.
    /// </summary>
    private static ScalarNode Word(string value)
    {
        if (Words.TryGetValue(value, out var node))
        {
            return node;
        }

        node = Str(value);
        if (Words.Count < MaxShared)
        {
            Words.TryAdd(value, node);
        }

        return node;
    }

    private const int MaxShared = 1024;

    private static readonly ConcurrentDictionary<string, ScalarNode> Words = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<long, ScalarNode> Numbers = new();

    private static SequenceNode? Strings(Collections.ValueList<string> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var items = new ConfigNode[values.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Str(values[i]);
        }

        return new SequenceNode(items);
    }

    private static SequenceNode? List(IEnumerable<ConfigNode> items)
    {
        ConfigNode[] list = [.. items];
        return list.Length == 0 ? null : new SequenceNode(list);
    }

    private static MappingNode? StringMap(Collections.ValueMap<string> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var entries = new KeyValuePair<ScalarNode, ConfigNode>[values.Count];
        var i = 0;
        foreach (var (key, value) in values)
        {
            entries[i++] = new(Word(key), Str(value));
        }

        return new MappingNode(entries);
    }

    /// <summary>A mapping of the entries that have a value, in the order given.</summary>
    private static MappingNode Map(params (string Key, ConfigNode? Value)[] entries)
    {
        var count = 0;
        foreach (var entry in entries)
        {
            count += entry.Value is null ? 0 : 1;
        }

        var result = new KeyValuePair<ScalarNode, ConfigNode>[count];
        var i = 0;
        foreach (var (key, value) in entries)
        {
            if (value is not null)
            {
                result[i++] = new(Word(key), value);
            }
        }

        return new MappingNode(result);
    }
}
