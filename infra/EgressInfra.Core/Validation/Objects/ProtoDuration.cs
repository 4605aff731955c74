using System.Globalization;

namespace EgressInfra.Core.Validation.Objects;

/// <summary>
/// Durations as Istio's CRDs take them: protobuf's "1.5s" and Go's "1m30s", "250ms", "100us".
/// Values are in nanoseconds, as Go's time.Duration counts them.
/// </summary>
public static class ProtoDuration
{
    private static readonly (string Unit, decimal Nanos)[] Units =
    [
        ("ns", 1m), ("us", 1_000m), ("µs", 1_000m), ("μs", 1_000m), ("ms", 1_000_000m),
        ("s", 1_000_000_000m), ("m", 60_000_000_000m), ("h", 3_600_000_000_000m),
    ];

    private const decimal MaxNanos = long.MaxValue;

    /// <summary>The duration in nanoseconds, or null when the text is not a duration.</summary>
    public static decimal? Parse(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var s = text.AsSpan();
        var sign = 1m;
        if (s[0] is '-' or '+')
        {
            sign = s[0] == '-' ? -1m : 1m;
            s = s[1..];
        }

        if (s is "0")
        {
            return 0m;
        }

        decimal total = 0;
        var any = false;
        while (s.Length > 0)
        {
            var end = 0;
            while (end < s.Length && (char.IsAsciiDigit(s[end]) || s[end] == '.'))
            {
                end++;
            }

            if (end == 0 || !decimal.TryParse(s[..end], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }

            s = s[end..];
            (string Unit, decimal Nanos) unit = default;
            foreach (var candidate in Units)
            {
                if (s.StartsWith(candidate.Unit, StringComparison.Ordinal) && (unit.Unit is null || candidate.Unit.Length > unit.Unit.Length))
                {
                    unit = candidate;
                }
            }

            if (unit.Unit is null)
            {
                return null;
            }

            s = s[unit.Unit.Length..];

            // Go's time.Duration holds at most about 292 years: more does not parse.
            if (number > MaxNanos / unit.Nanos || total + (number * unit.Nanos) > MaxNanos)
            {
                return null;
            }

            total += number * unit.Nanos;
            any = true;
        }

        return any ? sign * total : null;
    }

    /// <summary>Istio's agent.ValidateDuration: at least 1ms, in whole milliseconds. Null when valid.</summary>
    public static string? Check(string text)
    {
        var nanos = Parse(text);
        if (nanos is null)
        {
            return $"\"{text}\" is not a duration; write it like \"1.5s\" or \"500ms\"";
        }

        if (nanos < 1_000_000m)
        {
            return $"duration \"{text}\" must be greater than 1ms";
        }

        return decimal.Truncate(nanos.Value) % 1_000_000m != 0 || nanos != decimal.Truncate(nanos.Value)
            ? $"duration \"{text}\" is finer than milliseconds; only durations to ms precision are supported"
            : null;
    }
}
