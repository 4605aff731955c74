using EgressInfra.Core.Collections;
using EgressInfra.Core.Delivery;
using EgressInfra.Delivery;

namespace EgressInfra.PulumiBenchmarks;

/// <summary>The benchmarks' cluster has no Sidecar of its own: the preflight's listing finds none, at once.</summary>
internal sealed class NoSidecars : ISidecarInventory
{
    public static readonly NoSidecars Instance = new();

    private static readonly Task<SidecarListing> None = Task.FromResult(new SidecarListing(ValueList<ObservedSidecar>.Empty, ValueMap<string>.Empty));

    public Task<SidecarListing> ListAsync(ClusterAccess access, string apiVersion, IReadOnlyList<string> namespaces, CancellationToken cancellationToken) => None;
}
