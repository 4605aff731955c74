using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Config;

/// <summary>
/// <c>egress.networkPolicy</c>: whether each governed namespace gets a Kubernetes NetworkPolicy that
/// limits its pods' egress at L3/L4, and where the peers every pod needs (DNS, istiod) run.
/// </summary>
/// <param name="Enabled">Explicit value, or the profile's default (on under restrictive, off under permissive).</param>
/// <param name="Dns">The cluster DNS pods (UDP and TCP 53).</param>
/// <param name="ControlPlane">istiod's pods (15012: xDS and certificates for the proxies).</param>
public sealed record NetworkPolicyConfig(bool Enabled, PeerSelector Dns, PeerSelector ControlPlane)
{
    public static PeerSelector DefaultDns { get; } = new("kube-system", ValueMap.Of(("k8s-app", "kube-dns")));

    public static PeerSelector DefaultControlPlane { get; } = new("istio-system", ValueMap.Of(("app", "istiod")));

    public static NetworkPolicyConfig Disabled { get; } = new(false, DefaultDns, DefaultControlPlane);
}
