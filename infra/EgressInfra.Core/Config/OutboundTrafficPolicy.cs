namespace EgressInfra.Core.Config;

/// <summary>The Sidecar's outbound traffic mode: only registered destinations, or anything.</summary>
public enum OutboundTrafficPolicy
{
    RegistryOnly,
    AllowAny,
}
