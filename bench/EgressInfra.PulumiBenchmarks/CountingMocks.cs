using System.Collections.Immutable;
using Pulumi.Testing;

namespace EgressInfra.PulumiBenchmarks;

/// <summary>
/// The cheapest engine: each resource gets an id and its inputs back as state, and is counted. The
/// program's preflight reads (a Get, with an id) find every CRD and every namespace with sidecar
/// injection on, as in a cluster ready for the stack.
/// </summary>
internal sealed class CountingMocks : IMocks
{
    private int _registered;

    public int Registered => _registered;

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        Interlocked.Increment(ref _registered);
        if (!string.IsNullOrEmpty(args.Id))
        {
            var metadata = ImmutableDictionary<string, object>.Empty
                .Add("name", args.Id)
                .Add("labels", ImmutableDictionary<string, object>.Empty.Add("istio-injection", "enabled"));
            return Task.FromResult<(string?, object)>((args.Id, ImmutableDictionary<string, object>.Empty.Add("metadata", metadata)));
        }

        return Task.FromResult<(string?, object)>((args.Name + "_id", args.Inputs));
    }

    public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(ImmutableDictionary<string, object>.Empty);
}
