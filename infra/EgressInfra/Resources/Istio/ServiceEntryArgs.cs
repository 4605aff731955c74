using System.Collections.Immutable;
using Pulumi;
using CustomResourceArgs = Pulumi.Kubernetes.ApiExtensions.CustomResourceArgs;

namespace EgressInfra.Resources.Istio;

/// <summary>An Istio ServiceEntry as a Kubernetes custom resource (type <c>kubernetes:networking.istio.io/v1:ServiceEntry</c>).</summary>
internal sealed class ServiceEntryArgs(string apiVersion) : CustomResourceArgs(apiVersion, "ServiceEntry")
{
    /// <summary>The rendered <c>spec</c> as plain maps and lists (<see cref="PlainTree"/>), not nested args.</summary>
    [Input("spec")]
    public ImmutableDictionary<string, object>? Spec { get; init; }
}
