namespace EgressInfra.Core.Profiles;

/// <summary>The numbers a profile's rules read.</summary>
/// <param name="MaxIpv4Prefix">The broadest IPv4 range allowed, as a prefix length (24: at most a /24).</param>
/// <param name="MaxIpv6Prefix">The broadest IPv6 range allowed, as a prefix length.</param>
/// <param name="PresetAddressMaxAgeDays">How old a preset's address verification may be before a warning.</param>
public sealed record ProfileParameters(int MaxIpv4Prefix, int MaxIpv6Prefix, int PresetAddressMaxAgeDays)
{
    /// <summary>The longest a waiver may run, in days from today; null for no limit.</summary>
    public int? MaxWaiverDays { get; init; }

    /// <summary>True when any parameter of this set admits more than the same parameter of <paramref name="floor"/>.</summary>
    public bool IsLooserThan(ProfileParameters floor) =>
        MaxIpv4Prefix < floor.MaxIpv4Prefix || MaxIpv6Prefix < floor.MaxIpv6Prefix
        || (floor.MaxWaiverDays is { } most && (MaxWaiverDays is null || MaxWaiverDays > most));
}
