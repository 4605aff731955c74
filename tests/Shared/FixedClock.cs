using System.Globalization;

namespace EgressInfra.TestSupport;

/// <summary>A clock stopped at one instant, so that waiver expiry and address ages do not depend on the day tests run.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>Noon UTC on <paramref name="date"/> (YYYY-MM-DD).</summary>
    public static FixedClock On(string date) =>
        new(DateTimeOffset.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).AddHours(12));

    public override DateTimeOffset GetUtcNow() => now;
}
