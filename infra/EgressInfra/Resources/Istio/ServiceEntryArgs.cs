using Pulumi;
using CustomResourceArgs = Pulumi.Kubernetes.ApiExtensions.CustomResourceArgs;

namespace EgressInfra.Resources.Istio;

/// <summary>An Istio ServiceEntry as a Kubernetes custom resource (type <c>kubernetes:networking.istio.io/v1:ServiceEntry</c>).</summary>
internal sealed class ServiceEntryArgs(string apiVersion) : CustomResourceArgs(apiVersion, "ServiceEntry")
{
    [Input("spec")]
    public Input<ServiceEntrySpecArgs>? Spec { get; set; }
}
