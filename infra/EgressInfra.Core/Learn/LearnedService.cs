using EgressInfra.Core.Config;

namespace EgressInfra.Core.Learn;

/// <summary>One proposed service: a host (or an address) with every port it was reached on, for every namespace that reached it.</summary>
public sealed class LearnedService(string name, LearnedDestination first)
{
    public string Name { get; } = name;

    public string? Host { get; } = first.Host;

    public string? Address { get; } = first.Address;

    public List<LearnedDestination> Seen { get; } = [first];

    public IEnumerable<(int Port, ServiceProtocol Protocol)> Ports =>
        Seen.Select(d => (d.Port, d.Protocol)).Distinct().OrderBy(p => p.Port).ThenBy(p => p.Protocol);

    public IEnumerable<string> Namespaces => Seen.Select(d => d.Namespace).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>What the restrictive profile would refuse about it (empty when it would accept it).</summary>
    public List<string> Refusals { get; } = [];

    /// <summary>A host name Istio accepts for an address-only destination: <c>.invalid</c> says nobody knows the real one yet.</summary>
    public string HostName => Host ?? $"{Name}.address.invalid";
}
