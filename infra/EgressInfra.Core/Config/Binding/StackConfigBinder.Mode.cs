using EgressInfra.Core.Collections;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation;

namespace EgressInfra.Core.Config.Binding;

public static partial class StackConfigBinder
{
    public static readonly IReadOnlyList<string> GatewayKeys = ["namespace", "selector", "service"];

    public static readonly IReadOnlyList<string> NetworkPolicyKeys = ["enabled", "dns", "controlPlane"];

    public static readonly IReadOnlyList<string> PeerKeys = ["namespace", "selector"];

    private static EgressMode BindMode(NodeReader reader, MappingNode egress)
    {
        return reader.Enum(egress["mode"], "egress.mode", EgressModeNames.Modes) ?? EgressMode.Sidecar;
    }

    private static GatewayConfig BindGateway(NodeReader reader, ConfigNode? node)
    {
        const string path = "egress.gateway";
        var map = reader.Mapping(node, path);
        if (map is null)
        {
            return GatewayConfig.Default;
        }

        reader.KnownKeys(map, path, GatewayKeys);
        var defaults = GatewayConfig.Default;
        var ns = Label(reader, map["namespace"], $"{path}.namespace", "namespace") ?? defaults.Namespace;
        var service = Label(reader, map["service"], $"{path}.service", "Service name") ?? defaults.Service;
        var selector = map["selector"] is null ? defaults.Selector : Labels(reader, map["selector"], $"{path}.selector");
        return new GatewayConfig(ns, selector, service);
    }

    /// <summary>
    /// Binds <c>egress.networkPolicy</c>; <c>enabled</c> defaults to the profile's stance: on under
    /// restrictive (production), off under permissive, where a cluster's CNI may not enforce it anyway.
    /// </summary>
    private static NetworkPolicyConfig BindNetworkPolicy(NodeReader reader, ConfigNode? node, string? profile, DeploymentEnvironment? environment)
    {
        const string path = "egress.networkPolicy";
        var effectiveProfile = profile ?? (environment is { } env ? DefaultProfile(env) : "permissive");
        var defaultEnabled = effectiveProfile == "restrictive";
        var map = reader.Mapping(node, path);
        if (map is null)
        {
            return NetworkPolicyConfig.Disabled with { Enabled = defaultEnabled };
        }

        reader.KnownKeys(map, path, NetworkPolicyKeys);
        var enabled = reader.Boolean(map["enabled"], $"{path}.enabled") ?? defaultEnabled;
        var dns = BindPeer(reader, map["dns"], $"{path}.dns", NetworkPolicyConfig.DefaultDns);
        var controlPlane = BindPeer(reader, map["controlPlane"], $"{path}.controlPlane", NetworkPolicyConfig.DefaultControlPlane);
        return new NetworkPolicyConfig(enabled, dns, controlPlane);
    }

    private static PeerSelector BindPeer(NodeReader reader, ConfigNode? node, string path, PeerSelector defaults)
    {
        var map = reader.Mapping(node, path);
        if (map is null)
        {
            return defaults;
        }

        reader.KnownKeys(map, path, PeerKeys);
        var ns = Label(reader, map["namespace"], $"{path}.namespace", "namespace") ?? defaults.Namespace;
        var labels = map["selector"] is null ? defaults.Labels : Labels(reader, map["selector"], $"{path}.selector");
        return new PeerSelector(ns, labels);
    }

    private static string? Label(NodeReader reader, ConfigNode? node, string path, string what)
    {
        var value = node is null ? null : reader.String(node, path, required: true);
        if (value is not null && !KubernetesNames.IsDns1123Label(value))
        {
            reader.Report(ConfigCodes.InvalidName.Create(path, $"'{value}' is not a valid {what}"));
            return null;
        }

        return value;
    }

    /// <summary>A non-empty map of Kubernetes labels: an empty selector would select every pod.</summary>
    private static ValueMap<string> Labels(NodeReader reader, ConfigNode? node, string path)
    {
        var map = reader.Mapping(node, path, required: true);
        if (map is null)
        {
            return ValueMap<string>.Empty;
        }

        if (map.Entries.Count == 0)
        {
            reader.Report(ConfigCodes.MissingValue.Create(path, $"'{path}' is empty, which would select every pod", "Give the labels of the pods meant, e.g. {istio: egressgateway}."));
        }

        var labels = new List<KeyValuePair<string, string>>();
        foreach (var entry in map.Entries)
        {
            var itemPath = ConfigPath.Child(path, entry.Key.Text);
            var value = reader.String(entry.Value, itemPath, required: true);
            if (value is null)
            {
                continue;
            }

            if ((KubernetesLabels.CheckQualifiedName(entry.Key.Text) ?? KubernetesLabels.CheckLabelValue(value)) is { } problem)
            {
                reader.Report(ConfigCodes.InvalidValue.Create(itemPath, $"'{entry.Key.Text}: {value}' is not a valid Kubernetes label: {problem}", "Label keys are [prefix/]name, names and values at most 63 characters of letters, digits, '-', '_' and '.'."));
                continue;
            }

            labels.Add(new(entry.Key.Text, value));
        }

        return labels.ToValueMap();
    }
}
