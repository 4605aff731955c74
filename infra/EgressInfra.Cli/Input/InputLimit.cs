using System.CommandLine;
using System.Globalization;

namespace EgressInfra.Cli.Input;

/// <summary>
/// How many bytes egressctl reads from its inputs before it gives up: a stack file, or everything one
/// lint run reads. The bytes actually read are counted, so a device or an endless stream stops at the
/// limit whatever length it reports. The default fits a stack of 100,000 services (about 500 bytes each).
/// </summary>
public static class InputLimit
{
    public const long DefaultBytes = 64L * 1024 * 1024;

    public const string EnvironmentVariable = "EGRESSCTL_MAX_INPUT_SIZE";

    public const string OptionName = "--max-input-size";

    public static Option<string?> CreateOption() => new(OptionName)
    {
        Description = $"Most bytes read from the input (a stack file, or all that lint reads), e.g. 64MiB, 200MB, 1GiB; also ${EnvironmentVariable}.",
        HelpName = "SIZE",
        DefaultValueFactory = _ => null,
    };

    /// <summary>The option, else the environment variable, else <see cref="DefaultBytes"/>.</summary>
    public static long Resolve(string? option, string? environment)
    {
        if (option is not null)
        {
            return Parse(option) ?? throw new UsageException($"{OptionName} '{option}' is not a size; write e.g. 64MiB, 500MB or 1048576");
        }

        if (!string.IsNullOrWhiteSpace(environment))
        {
            return Parse(environment) ?? throw new UsageException($"{EnvironmentVariable}='{environment}' is not a size; write e.g. 64MiB, 500MB or 1048576");
        }

        return DefaultBytes;
    }

    public static long Resolve(string? option) => Resolve(option, Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>Bytes, with an optional K/M/G unit (KB/MB/GB as powers of 1000, K/KiB/M/MiB/G/GiB as powers of 1024).</summary>
    public static long? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var digits = 0;
        while (digits < trimmed.Length && char.IsAsciiDigit(trimmed[digits]))
        {
            digits++;
        }

        if (digits == 0 || !long.TryParse(trimmed.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        long? unit = trimmed[digits..].Trim().ToUpperInvariant() switch
        {
            "" or "B" => 1,
            "K" or "KIB" => 1024,
            "KB" => 1000,
            "M" or "MIB" => 1024 * 1024,
            "MB" => 1000 * 1000,
            "G" or "GIB" => 1024 * 1024 * 1024,
            "GB" => 1000 * 1000 * 1000,
            _ => null,
        };
        if (unit is not { } factor || number <= 0 || number > long.MaxValue / factor)
        {
            return null;
        }

        return number * factor;
    }

    /// <summary>A size as people read it: 64 MiB, 1.5 GiB, 900 bytes.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.#} GiB"),
        >= 1024L * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MiB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
