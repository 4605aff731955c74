namespace EgressInfra.Core.Diagnostics;

/// <summary>Codes for the shape of a stack file: syntax, types, keys and required values (EGR0xx).</summary>
public static class ConfigCodes
{
    public static readonly DiagnosticDescriptor YamlSyntax = new(
        "EGR001", Severity.Error, "The file is not valid YAML.",
        "Fix the YAML syntax at the line shown (indentation uses spaces, not tabs; quote values containing ': ' or '#').");

    public static readonly DiagnosticDescriptor WrongType = new(
        "EGR002", Severity.Error, "A value has the wrong type.",
        "Write the value with the type shown (a list uses '- item' or [a, b]; a number has no quotes).");

    public static readonly DiagnosticDescriptor UnknownKey = new(
        "EGR003", Severity.Error, "A key is not part of the configuration schema.",
        "Remove the key or correct its spelling; `egressctl schema` lists every key.");

    public static readonly DiagnosticDescriptor MissingValue = new(
        "EGR004", Severity.Error, "A required value is missing or empty.",
        "Add the value; the README's config reference shows an example.");

    public static readonly DiagnosticDescriptor InvalidValue = new(
        "EGR005", Severity.Error, "A value is not one of the accepted values or not in the accepted form.",
        "Use one of the values listed in the message.");

    public static readonly DiagnosticDescriptor DuplicateKey = new(
        "EGR006", Severity.Error, "A key appears twice in the same mapping.",
        "Keep one of the two keys; YAML readers disagree on which one wins.");

    public static readonly DiagnosticDescriptor OutOfRange = new(
        "EGR007", Severity.Error, "A number is outside its allowed range.",
        "Use a number in the range shown.");

    public static readonly DiagnosticDescriptor DuplicateName = new(
        "EGR008", Severity.Error, "Two items share a name that must be unique.",
        "Rename one of them or merge them into one item.");

    public static readonly DiagnosticDescriptor UngovernedNamespace = new(
        "EGR009", Severity.Error, "A service is granted to a namespace the stack does not govern.",
        "Add the namespace to egress.namespaces or remove it from the service's namespaces.");

    public static readonly DiagnosticDescriptor NoConfiguration = new(
        "EGR010", Severity.Error, "The stack file has no egress configuration for this project.",
        "Add the egress keys under config: with the project's namespace (e.g. egress-infra:egress).");

    public static readonly DiagnosticDescriptor InputTooLarge = new(
        "EGR011", Severity.Error, "The input is too large or expands too far (aliases).",
        "Split the file or remove the alias chain; inputs are limited to keep checks fast and safe.");

    public static readonly DiagnosticDescriptor InvalidName = new(
        "EGR012", Severity.Error, "A name is not a valid Kubernetes name (DNS-1123 label).",
        "Use lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters.");

    public static readonly DiagnosticDescriptor UnreadableInput = new(
        "EGR013", Severity.Error, "The input could not be read.",
        "Check that the file exists, is readable and is UTF-8 text.");

    public static readonly DiagnosticDescriptor NotAMapping = new(
        "EGR014", Severity.Error, "A document is not a YAML mapping.",
        "Each document must be a mapping of keys to values.");

    public static readonly DiagnosticDescriptor ShadowedKey = new(
        "EGR015", Severity.Error, "Two config keys of the stack file are the same Pulumi key in different spellings.",
        "Keep one: 'environment', 'egress-infra:environment' and 'egress-infra:config:environment' all name egress-infra:environment, and neither wins.",
        "Pulumi config.ParseKey: <namespace>:<name>, <namespace>:config:<name>; a key without a namespace is the project's");

    public static readonly DiagnosticDescriptor MeaningChangingTag = new(
        "EGR016", Severity.Error, "A YAML tag changes what a config value means (!!binary, !!timestamp, !!set, a local !tag).",
        "Write the value plainly, without the tag: Pulumi's YAML reader (Go yaml.v3) would decode it into something the file does not show.",
        "Go yaml.v3 tag resolution");

    public static readonly DiagnosticDescriptor StackNameEnvironment = new(
        "EGR017", Severity.Error, "The stack's name says one environment and its environment key another.",
        "Set environment to what the stack name says, or, when the mismatch is deliberate, set egress-infra:environmentOverride to the stack's name (a stack named prod or production stays at the prod floor).",
        "none: Pulumi does not relate a stack's name to its config");

    public static readonly IReadOnlyList<DiagnosticDescriptor> All =
    [
        YamlSyntax, WrongType, UnknownKey, MissingValue, InvalidValue, DuplicateKey, OutOfRange,
        DuplicateName, UngovernedNamespace, NoConfiguration, InputTooLarge, InvalidName, UnreadableInput,
        NotAMapping, ShadowedKey, MeaningChangingTag, StackNameEnvironment,
    ];
}
