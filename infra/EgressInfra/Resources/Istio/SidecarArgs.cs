using System.Collections.Immutable;
using Pulumi;
using CustomResourceArgs = Pulumi.Kubernetes.ApiExtensions.CustomResourceArgs;

namespace EgressInfra.Resources.Istio;

/// <summary>An Istio Sidecar as a Kubernetes custom resource (type <c>kubernetes:networking.istio.io/v1:Sidecar</c>).</summary>
internal sealed class SidecarArgs(string apiVersion) : CustomResourceArgs(apiVersion, "Sidecar")
{
    /// <summary>The rendered <c>spec</c> as plain maps and lists (<see cref="PlainTree"/>), not nested args.</summary>
    [Input("spec")]
    public ImmutableDictionary<string, object>? Spec { get; init; }
}
