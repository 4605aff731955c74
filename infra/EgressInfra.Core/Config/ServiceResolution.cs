namespace EgressInfra.Core.Config;

/// <summary>How the sidecar finds the IPs behind a ServiceEntry's hosts.</summary>
public enum ServiceResolution
{
    None,
    Static,
    Dns,
    DnsRoundRobin,
    DynamicDns,
}
