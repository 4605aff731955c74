using Pulumi;

namespace EgressInfra.Resources.Istio;

/// <summary><c>spec</c> of a Sidecar: which hosts the namespace's proxies know, and what happens to the rest.</summary>
internal sealed class SidecarSpecArgs : ResourceArgs
{
    [Input("egress")]
    public InputList<IstioEgressListenerArgs>? Egress { get; set; }

    [Input("outboundTrafficPolicy")]
    public Input<OutboundTrafficPolicyArgs>? OutboundTrafficPolicy { get; set; }
}
