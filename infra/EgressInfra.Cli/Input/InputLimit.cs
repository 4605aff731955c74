using System.CommandLine;
using System.Globalization;
using EgressInfra.Files;

namespace EgressInfra.Cli.Input;

/// <summary>
/// How many bytes egressctl reads from its inputs before it gives up: a stack file, or everything one
/// lint run reads. The bytes actually read are counted, so a device or an endless stream stops at the
/// limit whatever length it reports. The default fits a stack of 100,000 services (about 500 bytes each).
/// </summary>
public static class InputLimit
{
    public const long DefaultBytes = ReadBudget.DefaultBytes;

    /// <summary>
    /// What one lint run reads by default, over all its files: a manifest dump costs far more per byte
    /// than a stack file (every document is a whole object), and 16 MiB keeps a run within seconds and
    /// a few hundred MB. Larger dumps are linted with a larger --max-input-size, or split.
    /// </summary>
    public const long DefaultLintBytes = 16L * 1024 * 1024;

    public const string EnvironmentVariable = "EGRESSCTL_MAX_INPUT_SIZE";

    public const string OptionName = "--max-input-size";

    public static Option<string?> CreateOption(long defaultBytes = DefaultBytes) => new(OptionName)
    {
        Description = $"Most bytes to read (counted as read), e.g. 64MiB, 200MB, 1GiB; also ${EnvironmentVariable} [default: {Describe(defaultBytes).Replace(" ", string.Empty, StringComparison.Ordinal)}]",
        HelpName = "SIZE",
    };

    /// <summary>The option, else the environment variable, else <see cref="DefaultBytes"/>.</summary>
    public static long Resolve(string? option, string? environment, long defaultBytes = DefaultBytes)
    {
        if (option is not null)
        {
            return Parse(option) ?? throw new UsageException($"{OptionName} '{option}' is not a size; write e.g. 64MiB, 500MB or 1048576");
        }

        if (!string.IsNullOrWhiteSpace(environment))
        {
            return Parse(environment) ?? throw new UsageException($"{EnvironmentVariable}='{environment}' is not a size; write e.g. 64MiB, 500MB or 1048576");
        }

        return defaultBytes;
    }

    public static long Resolve(string? option, long defaultBytes = DefaultBytes) =>
        Resolve(option, Environment.GetEnvironmentVariable(EnvironmentVariable), defaultBytes);

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
    public static string Describe(long bytes) => ReadBudget.Describe(bytes);
}
