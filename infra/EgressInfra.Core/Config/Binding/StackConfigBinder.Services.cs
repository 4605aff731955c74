using EgressInfra.Core.Collections;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation;

namespace EgressInfra.Core.Config.Binding;

public static partial class StackConfigBinder
{
    public static readonly IReadOnlyList<string> ServiceKeys =
    [
        "name", "hosts", "addresses", "ports", "resolution", "location", "exportTo", "namespaces",
        "endpoints", "subjectAltNames", "owner", "reason", "bypassGateway",
    ];

    public static readonly IReadOnlyList<string> PortKeys = ["number", "protocol", "name", "targetPort", "originateTls"];

    public static readonly IReadOnlyList<string> EndpointKeys = ["address", "ports", "labels", "network", "locality", "weight"];

    private static ExternalService? BindService(NodeReader reader, ConfigNode node, string path, IReadOnlyList<string> governed)
    {
        var map = reader.Mapping(node, path, required: true);
        if (map is null)
        {
            return null;
        }

        var errorsBefore = reader.ErrorCount;
        reader.KnownKeys(map, path, ServiceKeys);

        var name = reader.String(map["name"], $"{path}.name", required: true);
        if (name is not null && !KubernetesNames.IsDns1123Label(name))
        {
            reader.Report(ConfigCodes.InvalidName.Create($"{path}.name", $"'{name}' is not a valid service name; it becomes the ServiceEntry's metadata.name"));
        }

        var hosts = reader.StringValues(map["hosts"], $"{path}.hosts", required: true);
        var addresses = reader.StringValues(map["addresses"], $"{path}.addresses");
        var ports = BindPorts(reader, map["ports"], $"{path}.ports");
        var resolution = reader.Enum(map["resolution"], $"{path}.resolution", IstioNames.Resolutions);
        var location = reader.Enum(map["location"], $"{path}.location", IstioNames.Locations) ?? ServiceLocation.MeshExternal;

        var exportTo = map["exportTo"] is null
            ? ValueList.Of(".")
            : reader.StringValues(map["exportTo"], $"{path}.exportTo");

        var namespaces = map["namespaces"] is null
            ? [.. governed]
            : BindServiceNamespaces(reader, map["namespaces"], $"{path}.namespaces", governed);

        var endpoints = BindEndpoints(reader, map["endpoints"], $"{path}.endpoints");
        var subjectAltNames = reader.StringValues(map["subjectAltNames"], $"{path}.subjectAltNames");
        var owner = reader.String(map["owner"], $"{path}.owner");
        var reason = reader.String(map["reason"], $"{path}.reason");
        var bypassGateway = reader.Boolean(map["bypassGateway"], $"{path}.bypassGateway") ?? false;

        if (reader.ErrorCount > errorsBefore || name is null)
        {
            return null;
        }

        return new ExternalService(
            name,
            hosts,
            addresses,
            ports,
            resolution ?? DefaultResolution(hosts, addresses, endpoints),
            location,
            exportTo,
            namespaces.ToValueList(),
            endpoints,
            subjectAltNames,
            owner,
            reason,
            path)
        {
            BypassGateway = bypassGateway,
        };
    }

    /// <summary>The namespaces a service (or preset) is granted to: each must be governed; repeats are dropped.</summary>
    private static List<string> BindServiceNamespaces(NodeReader reader, ConfigNode? node, string path, IReadOnlyList<string> governed)
    {
        var namespaces = new List<string>();
        foreach (var (value, itemPath, item) in reader.Strings(node, path, required: true))
        {
            if (!governed.Contains(value, StringComparer.Ordinal))
            {
                reader.Report(ConfigCodes.UngovernedNamespace.Create(itemPath, $"'{value}' is not one of the governed namespaces ({string.Join(", ", governed)})"));
            }
            else if (!namespaces.Contains(value, StringComparer.Ordinal))
            {
                namespaces.Add(value);
            }
        }

        return namespaces;
    }

    /// <summary>
    /// DNS for exact hosts, so that the sidecar, not the Host header, decides where traffic goes
    /// (the seed's NONE-on-HTTP weakness). Wildcard hosts and CIDR ranges cannot be resolved by DNS
    /// (Istio rejects both), so they default to NONE; explicit IP endpoints make the entry STATIC.
    /// </summary>
    public static ServiceResolution DefaultResolution(IReadOnlyList<string> hosts, IReadOnlyList<string> addresses, IReadOnlyList<EndpointConfig> endpoints)
    {
        if (hosts.Any(h => h.Contains('*', StringComparison.Ordinal)) || addresses.Any(a => a.Contains('/', StringComparison.Ordinal)))
        {
            return ServiceResolution.None;
        }

        if (endpoints.Count > 0 && endpoints.All(e => Validation.Istio.Syntax.IstioIp.IsAddress(e.Address) || e.Address.StartsWith("unix://", StringComparison.Ordinal)))
        {
            return ServiceResolution.Static;
        }

        return ServiceResolution.Dns;
    }

    private static ValueList<ServicePortConfig> BindPorts(NodeReader reader, ConfigNode? node, string path)
    {
        var ports = new List<ServicePortConfig>();
        foreach (var (item, itemPath) in reader.List(node, path, required: true))
        {
            var map = reader.Mapping(item, itemPath, required: true);
            if (map is null)
            {
                continue;
            }

            reader.KnownKeys(map, itemPath, PortKeys);
            var number = reader.Integer(map["number"], $"{itemPath}.number", required: true, 1, 65535);
            var protocol = reader.Enum(map["protocol"], $"{itemPath}.protocol", IstioNames.Protocols, required: true);
            var name = reader.String(map["name"], $"{itemPath}.name");
            var target = reader.Integer(map["targetPort"], $"{itemPath}.targetPort", required: false, 1, 65535);
            var originateTls = reader.Boolean(map["originateTls"], $"{itemPath}.originateTls") ?? false;
            if (originateTls && protocol is { } p && p != ServiceProtocol.Http)
            {
                reader.Report(EnforcementCodes.OriginateTlsNeedsHttp.Create($"{itemPath}.originateTls", $"originateTls needs protocol HTTP, but this port is {p.Name()}"));
            }

            if (number is not null && protocol is not null)
            {
                ports.Add(new ServicePortConfig((int)number, protocol.Value, name, (int?)target, originateTls));
            }
        }

        return ports.ToValueList();
    }

    private static ValueList<EndpointConfig> BindEndpoints(NodeReader reader, ConfigNode? node, string path)
    {
        var endpoints = new List<EndpointConfig>();
        foreach (var (item, itemPath) in reader.List(node, path))
        {
            var map = reader.Mapping(item, itemPath, required: true);
            if (map is null)
            {
                continue;
            }

            reader.KnownKeys(map, itemPath, EndpointKeys);
            var address = reader.String(map["address"], $"{itemPath}.address", required: true);
            var ports = new List<KeyValuePair<string, int>>();
            if (reader.Mapping(map["ports"], $"{itemPath}.ports") is { } portMap)
            {
                foreach (var entry in portMap.Entries)
                {
                    var portPath = ConfigPath.Child($"{itemPath}.ports", entry.Key.Text);
                    if (reader.Integer(entry.Value, portPath, required: true, 1, 65535) is { } value)
                    {
                        ports.Add(new(entry.Key.Text, (int)value));
                    }
                }
            }

            var labels = new List<KeyValuePair<string, string>>();
            if (reader.Mapping(map["labels"], $"{itemPath}.labels") is { } labelMap)
            {
                foreach (var entry in labelMap.Entries)
                {
                    var value = reader.String(entry.Value, ConfigPath.Child($"{itemPath}.labels", entry.Key.Text)) ?? string.Empty;
                    labels.Add(new(entry.Key.Text, value));
                }
            }

            var network = reader.String(map["network"], $"{itemPath}.network");
            var locality = reader.String(map["locality"], $"{itemPath}.locality");
            var weight = reader.Integer(map["weight"], $"{itemPath}.weight", required: false, 0, int.MaxValue);
            if (address is not null)
            {
                endpoints.Add(new EndpointConfig(address, ports.ToValueMap(), labels.ToValueMap(), network, locality, (int?)weight));
            }
        }

        return endpoints.ToValueList();
    }
}
