using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Config;

/// <summary>
/// The egress gateway that <c>mode: gateway</c> routes through (<c>egress.gateway</c>). It must already
/// be installed: EgressInfra writes routing and policy for it, not the gateway itself.
/// </summary>
/// <param name="Namespace">Where the gateway's pods and Service run; its Gateway, VirtualServices, DestinationRules and AuthorizationPolicy are placed here.</param>
/// <param name="Selector">Labels of the gateway's pods (the Gateway's and AuthorizationPolicy's selector, the NetworkPolicy's pod selector).</param>
/// <param name="Service">The gateway's Service in <paramref name="Namespace"/>.</param>
public sealed record GatewayConfig(string Namespace, ValueMap<string> Selector, string Service)
{
    public static GatewayConfig Default { get; } = new("istio-egress", ValueMap.Of(("istio", "egressgateway")), "istio-egressgateway");

    /// <summary>The Service's cluster-local name, the destination of the mesh's first hop.</summary>
    public string ServiceHost => $"{Service}.{Namespace}.svc.cluster.local";
}
