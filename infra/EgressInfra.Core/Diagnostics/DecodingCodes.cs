namespace EgressInfra.Core.Diagnostics;

/// <summary>
/// Codes for what real manifests spell in ways Istio's decoder reads differently from how they look
/// (EGR379–EGR384): Istio admits them, but the object does something the text does not say.
/// </summary>
public static class DecodingCodes
{
    public static readonly DiagnosticDescriptor EmptyRuleList = new(
        "EGR379", Severity.Warning, "An AuthorizationPolicy rule's from or to is an empty list, which Istio reads as absent: the rule matches every source or every operation.",
        "Remove the empty list if the rule is meant to match everyone, or list the sources or operations it is meant to match; '[]' does not mean 'nobody'.",
        "jsonpb decodes [] to a nil list, so ValidateAuthorizationPolicy's `from`/`to` must not be empty does not fire for YAML input");

    public static readonly DiagnosticDescriptor ObjectRepeated = new(
        "EGR380", Severity.Warning, "The same object (kind, namespace and name) appears more than once in the linted files: the later copy replaces this one.",
        "Keep one copy of the object, or give the copies different names; lint judges each copy, but the cluster ends up with the last one applied.",
        "kubectl apply: one object per kind, namespace and name; a later document updates the earlier one");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [EmptyRuleList, ObjectRepeated];
}
