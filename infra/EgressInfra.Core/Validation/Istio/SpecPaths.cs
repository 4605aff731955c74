using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Validation.Istio;

/// <summary>Manifest-relative paths of a ServiceEntry's fields, in the form EgressPipeline maps to config paths.</summary>
internal static class SpecPaths
{
    public const string Hosts = "spec.hosts";
    public const string Addresses = "spec.addresses";
    public const string Ports = "spec.ports";
    public const string Endpoints = "spec.endpoints";
    public const string ExportTo = "spec.exportTo";
    public const string WorkloadSelector = "spec.workloadSelector";
    public const string SelectorLabels = "spec.workloadSelector.labels";
    public const string Resolution = "spec.resolution";
    public const string Location = "spec.location";
    public const string Annotations = "metadata.annotations";
    public const string Labels = "metadata.labels";

    public static string Host(int index) => ConfigPath.Index(Hosts, index);

    public static string Address(int index) => ConfigPath.Index(Addresses, index);

    public static string Port(int index) => ConfigPath.Index(Ports, index);

    public static string Port(int index, string field) => ConfigPath.Child(Port(index), field);

    public static string Endpoint(int index) => ConfigPath.Index(Endpoints, index);

    public static string Endpoint(int index, string field) => ConfigPath.Child(Endpoint(index), field);

    /// <summary><c>spec.endpoints[0].ports["http"]</c>.</summary>
    public static string EndpointPort(int index, string name) => ConfigPath.Child(Endpoint(index, "ports"), name);

    public static string EndpointLabel(int index, string key) => ConfigPath.Child(Endpoint(index, "labels"), key);

    public static string ExportToItem(int index) => ConfigPath.Index(ExportTo, index);

    public static string SelectorLabel(string key) => ConfigPath.Child(SelectorLabels, key);

    public static string Annotation(string key) => ConfigPath.Child(Annotations, key);
}
