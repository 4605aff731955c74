using Pulumi;

namespace EgressInfra.Resources.Istio;

/// <summary>One item of a ServiceEntry's <c>spec.ports</c>.</summary>
internal sealed class ServicePortArgs : ResourceArgs
{
    [Input("number", required: true)]
    public Input<int> Number { get; set; } = null!;

    [Input("protocol")]
    public Input<string>? Protocol { get; set; }

    [Input("name")]
    public Input<string>? Name { get; set; }

    [Input("targetPort")]
    public Input<int>? TargetPort { get; set; }
}
