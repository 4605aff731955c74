namespace EgressInfra.Core.Delivery;

/// <summary>
/// When an object may be applied on a first deploy. Everything a namespace's traffic needs (the
/// entries, the gateway path, who may use it) goes first; what closes the door goes last, so a first
/// <c>pulumi up</c> never blocks a running service before its allowed destinations exist.
/// </summary>
public enum DeliveryPhase
{
    /// <summary>Opens or describes a path: ServiceEntry, Gateway, VirtualService, DestinationRule, AuthorizationPolicy.</summary>
    Path = 0,

    /// <summary>Turns enforcement on: a REGISTRY_ONLY Sidecar, a NetworkPolicy that fences the pods.</summary>
    Enforcement = 1,
}
