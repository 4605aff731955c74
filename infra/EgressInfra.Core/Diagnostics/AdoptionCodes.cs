namespace EgressInfra.Core.Diagnostics;

/// <summary>
/// Codes for working with teams and with a running mesh (EGR600-649): team-owned fragments and
/// CODEOWNERS (EGR60x), import of existing manifests (EGR62x) and policy learned from access logs (EGR63x).
/// </summary>
public static class AdoptionCodes
{
    public static readonly DiagnosticDescriptor IncludeNoMatch = new(
        "EGR600", Severity.Error, "An egress.include pattern matches no fragment file.",
        "Correct the path (relative to the directory holding Pulumi.yaml) or remove the pattern.");

    public static readonly DiagnosticDescriptor IncludeOutsideProject = new(
        "EGR601", Severity.Error, "An egress.include pattern leaves the project directory (absolute path, '..', backslash or empty).",
        "Write a relative path inside the project, e.g. egress.d/payments.yaml or egress.d/*.yaml.");

    public static readonly DiagnosticDescriptor FragmentUnreadable = new(
        "EGR602", Severity.Error, "A fragment file could not be read or is not a YAML mapping.",
        "Make the file a readable YAML mapping with owner, services and presets.");

    public static readonly DiagnosticDescriptor FragmentStackSetting = new(
        "EGR603", Severity.Error, "A fragment sets a stack-wide setting; only the stack file may.",
        "Move the key to the stack file, or remove it: a fragment holds owner, services and presets.");

    public static readonly DiagnosticDescriptor FragmentOwnerMissing = new(
        "EGR604", Severity.Error, "A fragment names no owner.",
        "Add 'owner: <team>' at the top of the fragment; its services and presets inherit it.");

    public static readonly DiagnosticDescriptor FragmentOwnerConflict = new(
        "EGR605", Severity.Error, "A service or preset in a fragment names an owner other than the fragment's.",
        "Remove the item's owner (it inherits the fragment's), or move the item to its owner's fragment.");

    public static readonly DiagnosticDescriptor DefinedTwice = new(
        "EGR606", Severity.Error, "A service or preset is defined in two places (two fragments, or a fragment and the stack file).",
        "Keep one definition: rename one of the services, or let one team own the destination and grant it to both namespaces.");

    public static readonly DiagnosticDescriptor CodeOwnersMismatch = new(
        "EGR607", Severity.Error, "CODEOWNERS does not give a fragment to the fragment's owner.",
        "Regenerate the block with `egressctl owners` and replace it in CODEOWNERS.");

    public static readonly DiagnosticDescriptor ImportNotCarried = new(
        "EGR620", Severity.Warning, "Part of an imported manifest has no equivalent in the stack config and is not carried over.",
        "Review the comment in the imported stack file; keep the object outside this stack or change it by hand.");

    public static readonly DiagnosticDescriptor ImportGrantDiffers = new(
        "EGR621", Severity.Warning, "The imported config grants a namespace something different from the manifests it was imported from.",
        "Review the listed destinations before deploying the imported stack.");

    public static readonly DiagnosticDescriptor LogLineMalformed = new(
        "EGR630", Severity.Warning, "An access-log line is neither Istio's default text format nor its JSON format; it was skipped.",
        "Give learn the proxies' access logs as Istio writes them (meshConfig.accessLogEncoding TEXT or JSON, default format).");

    public static readonly DiagnosticDescriptor LearnedRefused = new(
        "EGR631", Severity.Warning, "A destination seen in the traffic would be refused by the restrictive profile.",
        "Decide before proposing it: serve it another way (a mirror, TLS instead of cleartext), or add it with a waiver.");

    public static readonly DiagnosticDescriptor LearnedUnnamed = new(
        "EGR632", Severity.Warning, "A destination seen in the traffic has only an address, no host name (no SNI, no authority).",
        "Find the host behind the address, or declare the address with the owner's confirmation.");

    public static readonly IReadOnlyList<DiagnosticDescriptor> All =
    [
        IncludeNoMatch, IncludeOutsideProject, FragmentUnreadable, FragmentStackSetting, FragmentOwnerMissing,
        FragmentOwnerConflict, DefinedTwice, CodeOwnersMismatch, ImportNotCarried, ImportGrantDiffers,
        LogLineMalformed, LearnedRefused, LearnedUnnamed,
    ];
}
