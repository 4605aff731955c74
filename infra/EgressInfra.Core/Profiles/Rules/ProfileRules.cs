namespace EgressInfra.Core.Profiles.Rules;

/// <summary>Every policy rule, in the order the README's table lists them.</summary>
public static class ProfileRules
{
    public static IReadOnlyList<IProfileRule> All { get; } =
    [
        new RegistryOnlyRule(),
        new NoPackageSourcesRule(),
        new NoWildcardHostsRule(),
        new NoCatchAllAddressesRule(),
        new AddressPrefixLimitRule(),
        new CanonicalRangesRule(),
        new NoCleartextHttpRule(),
        new NoResolutionNoneOnHttpRule(),
        new NoOpenPortsRule(),
        new NoSniSpoofingRule(),
        new ImportsShowExportsRule(),
        new ExportToUsersOnlyRule(),
        new OwnerAndReasonRule(),
        new PresetAddressesFreshRule(),
        new EnforcedEgressRule(),
        new NoGatewayBypassRule(),
        new GatewayGrantsPerPortRule(),
    ];

    /// <summary>The rule named by id (<c>no-wildcard-hosts</c>) or code (<c>EGR303</c>, any case), or null.</summary>
    public static IProfileRule? Find(string idOrCode) =>
        All.FirstOrDefault(r => r.Id == idOrCode || string.Equals(r.Descriptor.Code, idOrCode, StringComparison.OrdinalIgnoreCase));
}
