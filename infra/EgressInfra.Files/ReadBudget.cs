using System.Globalization;

namespace EgressInfra.Files;

/// <summary>
/// How many bytes one run may still read, shared by every input it reads (a stack file, its Pulumi.yaml
/// and its fragments alike). The bytes actually read are counted, so a device or an endless stream stops
/// at the limit whatever length it reports.
/// </summary>
public class ReadBudget(long limit, string raiseHint)
{
    /// <summary>The default for a stack with its fragments: fits 100,000 services (about 500 bytes each).</summary>
    public const long DefaultBytes = 64L * 1024 * 1024;

    public long Limit { get; } = limit;

    /// <summary>How the reader of the message raises the limit (a door's option or setting), said after "too large".</summary>
    public string RaiseHint { get; } = raiseHint;

    public long Used { get; private set; }

    public long Remaining => Limit - Used;

    public void Take(long bytes) => Used += bytes;

    /// <summary>A size as people read it: 64 MiB, 1.5 GiB, 900 bytes.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.#} GiB"),
        >= 1024L * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MiB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
