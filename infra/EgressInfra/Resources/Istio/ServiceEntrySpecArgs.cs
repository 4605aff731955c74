using Pulumi;

namespace EgressInfra.Resources.Istio;

/// <summary>
/// <c>spec</c> of a ServiceEntry. Lists are null rather than empty when there is nothing to say, so the
/// registered object has exactly the fields <c>egressctl render</c> writes.
/// </summary>
internal sealed class ServiceEntrySpecArgs : ResourceArgs
{
    [Input("hosts")]
    public InputList<string>? Hosts { get; set; }

    [Input("addresses")]
    public InputList<string>? Addresses { get; set; }

    [Input("ports")]
    public InputList<ServicePortArgs>? Ports { get; set; }

    /// <summary><c>MESH_EXTERNAL</c> or <c>MESH_INTERNAL</c>.</summary>
    [Input("location")]
    public Input<string>? Location { get; set; }

    /// <summary><c>NONE</c>, <c>STATIC</c>, <c>DNS</c>, <c>DNS_ROUND_ROBIN</c> or <c>DYNAMIC_DNS</c>.</summary>
    [Input("resolution")]
    public Input<string>? Resolution { get; set; }

    [Input("endpoints")]
    public InputList<WorkloadEntryArgs>? Endpoints { get; set; }

    [Input("workloadSelector")]
    public Input<WorkloadSelectorArgs>? WorkloadSelector { get; set; }

    [Input("exportTo")]
    public InputList<string>? ExportTo { get; set; }

    [Input("subjectAltNames")]
    public InputList<string>? SubjectAltNames { get; set; }
}
