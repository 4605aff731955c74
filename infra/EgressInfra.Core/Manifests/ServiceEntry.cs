using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Manifests;

/// <summary>
/// An Istio ServiceEntry as plain data. Enum-like fields are kept as strings (null when omitted) so
/// that the same record can hold a manifest read from a file exactly as written, which Istio's rules
/// must judge as Istio would.
/// </summary>
public sealed record ServiceEntry(ObjectMetadata Metadata, ServiceEntrySpec Spec, string ApiVersion = ServiceEntry.V1) : IKubernetesObject
{
    public const string Group = "networking.istio.io";
    public const string V1 = "networking.istio.io/v1";
    public const string KindName = "ServiceEntry";

    public string Kind => KindName;

    public IKubernetesObject WithMetadata(ObjectMetadata metadata) => this with { Metadata = metadata };
}

public sealed record ServiceEntrySpec(
    ValueList<string> Hosts,
    ValueList<string> Addresses,
    ValueList<ServicePort> Ports,
    string? Location,
    string? Resolution,
    ValueList<WorkloadEntry> Endpoints,
    WorkloadSelector? WorkloadSelector,
    ValueList<string> ExportTo,
    ValueList<string> SubjectAltNames);

/// <summary>A ServiceEntry port. <see cref="TargetPort"/> null means unset (Istio also reads 0 as unset).</summary>
public sealed record ServicePort(long Number, string? Protocol, string? Name, long? TargetPort = null);

/// <summary>One <c>endpoints</c> item (a WorkloadEntry spec inline).</summary>
public sealed record WorkloadEntry(
    string? Address,
    ValueMap<long> Ports,
    ValueMap<string> Labels,
    string? Network = null,
    string? Locality = null,
    long? Weight = null,
    string? ServiceAccount = null);

public sealed record WorkloadSelector(ValueMap<string> Labels);
