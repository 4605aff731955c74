using EgressInfra.Core.Collections;
using EgressInfra.Core.Delivery;

namespace EgressInfra.Delivery;

/// <summary>
/// Lists the Sidecars already in the namespaces where the stack registers its own. The Kubernetes
/// provider reads one named object at a time and cannot list, so this goes around it, to the same
/// cluster (<see cref="ClusterAccess"/>).
/// </summary>
internal interface ISidecarInventory
{
    /// <param name="apiVersion">The version the stack's own Sidecars use (<c>networking.istio.io/v1</c>).</param>
    Task<SidecarListing> ListAsync(ClusterAccess access, string apiVersion, IReadOnlyList<string> namespaces, CancellationToken cancellationToken);
}

/// <summary>The Sidecars found, and each namespace that could not be listed with the reason.</summary>
internal sealed record SidecarListing(ValueList<ObservedSidecar> Sidecars, ValueMap<string> Failures);

/// <summary>The stack's way to its cluster, as its provider is configured.</summary>
/// <param name="Context">The kubeconfig context; null for the kubeconfig's current one.</param>
/// <param name="Kubeconfig">The stack's kubeconfig setting: a file's path or its text; null for the
/// <c>KUBECONFIG</c> variable or <c>~/.kube/config</c>. A secret: it is never logged or reported.</param>
internal sealed record ClusterAccess(string? Context, string? Kubeconfig)
{
    public override string ToString() => $"ClusterAccess {{ Context = {Context}, Kubeconfig = {(Kubeconfig is null ? "unset" : "[secret]")} }}";
}
