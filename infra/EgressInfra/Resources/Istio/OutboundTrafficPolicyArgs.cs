using Pulumi;

namespace EgressInfra.Resources.Istio;

/// <summary>A Sidecar's <c>spec.outboundTrafficPolicy</c>.</summary>
internal sealed class OutboundTrafficPolicyArgs : ResourceArgs
{
    /// <summary><c>REGISTRY_ONLY</c> or <c>ALLOW_ANY</c>.</summary>
    [Input("mode")]
    public Input<string>? Mode { get; set; }
}
