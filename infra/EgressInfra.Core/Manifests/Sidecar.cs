using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Manifests;

/// <summary>
/// An Istio Sidecar that scopes a namespace's outbound view: which hosts its proxies know
/// (<see cref="SidecarSpec.EgressHosts"/>) and what happens to everything else
/// (<see cref="SidecarSpec.OutboundTrafficPolicy"/>).
/// </summary>
public sealed record Sidecar(ObjectMetadata Metadata, SidecarSpec Spec, string ApiVersion = ServiceEntry.V1) : IKubernetesObject
{
    public const string KindName = "Sidecar";

    public string Kind => KindName;

    public IKubernetesObject WithMetadata(ObjectMetadata metadata) => this with { Metadata = metadata };
}

/// <param name="EgressHosts"><c>namespace/host</c> imports of the single egress listener.</param>
/// <param name="OutboundTrafficPolicy"><c>REGISTRY_ONLY</c> or <c>ALLOW_ANY</c>.</param>
public sealed record SidecarSpec(ValueList<string> EgressHosts, string OutboundTrafficPolicy);
