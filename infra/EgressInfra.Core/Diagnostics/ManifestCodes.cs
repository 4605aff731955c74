namespace EgressInfra.Core.Diagnostics;

/// <summary>
/// Codes for Kubernetes manifests read from files (EGR150–EGR199): what the API server rejects before
/// Istio's webhook sees the object. Paths are document paths (<c>spec.ports[0].number</c>).
/// </summary>
public static class ManifestCodes
{
    public static readonly DiagnosticDescriptor UnknownField = new(
        "EGR150", Severity.Error, "A field is not part of the resource's schema.",
        "Remove the field or correct its spelling; field names are case-sensitive camelCase.",
        "API server: strict field validation (unknown field)");

    public static readonly DiagnosticDescriptor WrongType = new(
        "EGR151", Severity.Error, "A field's value has the wrong type.",
        "Write the value with the type shown: numbers without quotes, text in quotes when it looks like a number, lists as [a, b] or '- item' lines.",
        "API server: schema type check");

    public static readonly DiagnosticDescriptor MissingField = new(
        "EGR152", Severity.Error, "A required field is missing or empty.",
        "Add the field; the message names what the CRD requires.",
        "API server: Required value");

    public static readonly DiagnosticDescriptor UnsupportedValue = new(
        "EGR153", Severity.Error, "A value is not one of the values the CRD accepts.",
        "Use one of the values listed in the message; enum values are upper case.",
        "API server: Unsupported value");

    public static readonly DiagnosticDescriptor LimitExceeded = new(
        "EGR154", Severity.Error, "A list, map or string is longer than the CRD allows.",
        "Split the resource or shorten the value to the limit shown.",
        "API server: Too many / Too long");

    public static readonly DiagnosticDescriptor OutOfRange = new(
        "EGR155", Severity.Error, "A number is outside the range the CRD allows.",
        "Use a number in the range shown.",
        "API server: Invalid value (minimum/maximum)");

    public static readonly DiagnosticDescriptor InvalidObjectName = new(
        "EGR156", Severity.Error, "metadata.name is missing or not a DNS-1123 subdomain.",
        "Use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters.",
        "API server: metadata.name Invalid value");

    public static readonly DiagnosticDescriptor InvalidNamespace = new(
        "EGR157", Severity.Error, "metadata.namespace is not a DNS-1123 label.",
        "Use lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters.",
        "API server: metadata.namespace Invalid value");

    public static readonly DiagnosticDescriptor InvalidLabel = new(
        "EGR158", Severity.Error, "A label or annotation key, or a label value, is not in Kubernetes' form.",
        "Keys are [prefix/]name with name at most 63 characters of letters, digits, '-', '_' and '.'; label values are at most 63 such characters.",
        "API server: metadata.labels / metadata.annotations Invalid value");

    public static readonly DiagnosticDescriptor NotAnObject = new(
        "EGR159", Severity.Error, "A YAML document is not a Kubernetes object (a mapping).",
        "Each document between '---' lines must be one mapping with apiVersion, kind, metadata and spec.");

    public static readonly DiagnosticDescriptor MissingTypeInfo = new(
        "EGR160", Severity.Error, "A document has no apiVersion or kind.",
        "Add apiVersion (e.g. networking.istio.io/v1) and kind (e.g. ServiceEntry).",
        "kubectl: Object 'Kind' is missing / apiVersion not set");

    public static readonly DiagnosticDescriptor UnknownResourceType = new(
        "EGR161", Severity.Error, "The apiVersion and kind name no resource type that Istio serves.",
        "Use apiVersion networking.istio.io/v1 (v1beta1 and v1alpha3 are also served) and a kind Istio defines.",
        "kubectl: no matches for kind");

    public static readonly DiagnosticDescriptor CrdRule = new(
        "EGR162", Severity.Error, "The CRD's validation rules reject a value that Istio's webhook would accept.",
        "Follow the message: the API server checks these before the webhook runs.",
        "API server: CRD x-kubernetes-validations");

    public static readonly IReadOnlyList<DiagnosticDescriptor> All =
    [
        UnknownField, WrongType, MissingField, UnsupportedValue, LimitExceeded, OutOfRange, InvalidObjectName,
        InvalidNamespace, InvalidLabel, NotAnObject, MissingTypeInfo, UnknownResourceType, CrdRule,
    ];
}
