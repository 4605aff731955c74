using Pulumi;

namespace EgressInfra.Resources.Istio;

/// <summary>One item of a Sidecar's <c>spec.egress</c>.</summary>
internal sealed class IstioEgressListenerArgs : ResourceArgs
{
    /// <summary><c>namespace/host</c> imports, e.g. <c>./*</c> or <c>istio-system/*</c>.</summary>
    [Input("hosts")]
    public InputList<string>? Hosts { get; set; }
}
