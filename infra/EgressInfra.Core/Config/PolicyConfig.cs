using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Config;

/// <summary>
/// The stack's <c>policy</c> key: how it tunes the profile it runs under. Every field is optional;
/// the environment's floor decides which changes are allowed.
/// </summary>
/// <param name="Rules">Per-rule levels that replace the profile's, in the order written.</param>
/// <param name="MaxIpv4Prefix">The broadest IPv4 prefix an address may have (a smaller number is broader).</param>
/// <param name="MaxIpv6Prefix">The broadest IPv6 prefix an address may have.</param>
public sealed record PolicyConfig(
    ValueList<RuleLevelSetting> Rules,
    int? MaxIpv4Prefix,
    int? MaxIpv6Prefix,
    ValueList<PolicyWaiver> Waivers)
{
    public static PolicyConfig None { get; } = new(ValueList<RuleLevelSetting>.Empty, null, null, ValueList<PolicyWaiver>.Empty);
}
