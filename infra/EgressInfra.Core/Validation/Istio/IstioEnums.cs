namespace EgressInfra.Core.Validation.Istio;

/// <summary>ServiceEntry <c>resolution</c>. An omitted value is <see cref="None"/>; <see cref="Unknown"/> is any other text.</summary>
public enum IstioResolution
{
    None,
    Static,
    Dns,
    DnsRoundRobin,
    DynamicDns,
    Unknown,
}

/// <summary>ServiceEntry <c>location</c>. An omitted value is <see cref="MeshExternal"/>.</summary>
public enum IstioLocation
{
    MeshExternal,
    MeshInternal,
    Unknown,
}

/// <summary>
/// Reads the enum fields as the webhook decodes them: exact, case-sensitive protobuf enum names (an
/// unknown name fails decoding, and the CRD's enum rejects it too).
/// </summary>
public static class IstioEnums
{
    public static IstioResolution ParseResolution(string? value) => value switch
    {
        null or "NONE" => IstioResolution.None,
        "STATIC" => IstioResolution.Static,
        "DNS" => IstioResolution.Dns,
        "DNS_ROUND_ROBIN" => IstioResolution.DnsRoundRobin,
        "DYNAMIC_DNS" => IstioResolution.DynamicDns,
        _ => IstioResolution.Unknown,
    };

    public static IstioLocation ParseLocation(string? value) => value switch
    {
        null or "MESH_EXTERNAL" => IstioLocation.MeshExternal,
        "MESH_INTERNAL" => IstioLocation.MeshInternal,
        _ => IstioLocation.Unknown,
    };
}
