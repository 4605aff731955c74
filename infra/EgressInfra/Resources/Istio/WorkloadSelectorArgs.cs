using Pulumi;

namespace EgressInfra.Resources.Istio;

/// <summary>A ServiceEntry's <c>spec.workloadSelector</c>: the in-mesh workloads that back it.</summary>
internal sealed class WorkloadSelectorArgs : ResourceArgs
{
    [Input("labels")]
    public InputMap<string>? Labels { get; set; }
}
