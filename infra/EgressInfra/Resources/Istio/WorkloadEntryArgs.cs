using Pulumi;

namespace EgressInfra.Resources.Istio;

/// <summary>One item of a ServiceEntry's <c>spec.endpoints</c> (a WorkloadEntry spec inline).</summary>
internal sealed class WorkloadEntryArgs : ResourceArgs
{
    [Input("address")]
    public Input<string>? Address { get; set; }

    /// <summary>Port name (of the entry's <c>spec.ports</c>) to the port on this endpoint.</summary>
    [Input("ports")]
    public InputMap<int>? Ports { get; set; }

    [Input("labels")]
    public InputMap<string>? Labels { get; set; }

    [Input("network")]
    public Input<string>? Network { get; set; }

    [Input("locality")]
    public Input<string>? Locality { get; set; }

    [Input("weight")]
    public Input<int>? Weight { get; set; }

    [Input("serviceAccount")]
    public Input<string>? ServiceAccount { get; set; }
}
