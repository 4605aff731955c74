using System.Collections.Immutable;
using Pulumi.Testing;

namespace EgressInfra.PulumiBenchmarks;

/// <summary>The cheapest engine: each resource gets an id and its inputs back as state, and is counted.</summary>
internal sealed class CountingMocks : IMocks
{
    private int _registered;

    public int Registered => _registered;

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        Interlocked.Increment(ref _registered);
        return Task.FromResult<(string?, object)>((args.Name + "_id", args.Inputs));
    }

    public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(ImmutableDictionary<string, object>.Empty);
}
