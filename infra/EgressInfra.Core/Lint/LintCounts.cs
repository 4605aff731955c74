using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Lint;

/// <summary>What lint looked at.</summary>
/// <param name="Documents">Non-empty YAML documents, readable or not.</param>
/// <param name="ServiceEntries">Documents of kind ServiceEntry (networking.istio.io), whether or not they could be read.</param>
/// <param name="Sidecars">Documents of kind Sidecar (networking.istio.io).</param>
/// <param name="SkippedKinds">Other kinds, not checked, with how many documents each.</param>
public sealed record LintCounts(int Documents, int ServiceEntries, int Sidecars, ValueMap<int> SkippedKinds)
{
    /// <summary>Documents of the enforcement kinds (Gateway, VirtualService, DestinationRule, AuthorizationPolicy, NetworkPolicy), by kind.</summary>
    public ValueMap<int> EnforcementKinds { get; init; } = ValueMap<int>.Empty;

    public int Skipped => SkippedKinds.Values.Sum();
}
