namespace EgressInfra.Core.Diagnostics;

/// <summary>
/// Codes for inputs that are hostile or too large rather than wrong in shape (EGR030–EGR049): limits
/// the API server enforces on what a stack would deploy, files a folder walk skips, and findings
/// beyond what one report prints.
/// </summary>
public static class InputCodes
{
    public static readonly DiagnosticDescriptor AnnotationsTooLarge = new(
        "EGR030", Severity.Error, "A service's annotations (owner, reason, preset) exceed the API server's 256 KiB total.",
        "Shorten the reason or owner: link to a ticket or document instead of pasting it.",
        "API server: metadata.annotations Too long: must have at most 262144 bytes");

    public static readonly DiagnosticDescriptor SkippedFile = new(
        "EGR031", Severity.Info, "A path in a folder lint walked was skipped: not a regular file, a symbolic-link loop, or a file already read through another path.",
        "Nothing to fix unless the file was meant to be linted: pass a regular file, or pipe a stream to 'egressctl lint -'.");

    public static readonly DiagnosticDescriptor FindingsTruncated = new(
        "EGR032", Severity.Info, "More findings than one report prints: the first ones are shown in full and the rest are counted.",
        "Fix the findings shown and run again; a file with thousands of findings is usually generated with one mistake repeated.");

    public static readonly IReadOnlyList<DiagnosticDescriptor> All =
    [
        AnnotationsTooLarge, SkippedFile, FindingsTruncated,
    ];
}
