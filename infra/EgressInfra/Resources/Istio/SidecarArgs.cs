using Pulumi;
using CustomResourceArgs = Pulumi.Kubernetes.ApiExtensions.CustomResourceArgs;

namespace EgressInfra.Resources.Istio;

/// <summary>An Istio Sidecar as a Kubernetes custom resource (type <c>kubernetes:networking.istio.io/v1:Sidecar</c>).</summary>
internal sealed class SidecarArgs(string apiVersion) : CustomResourceArgs(apiVersion, "Sidecar")
{
    [Input("spec")]
    public Input<SidecarSpecArgs>? Spec { get; set; }
}
