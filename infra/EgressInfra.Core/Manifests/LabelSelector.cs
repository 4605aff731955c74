using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Manifests;

/// <summary>
/// A Kubernetes label selector (<c>matchLabels</c> and <c>matchExpressions</c>). Empty selects
/// everything, and renders as <c>{}</c> where the field is required (a NetworkPolicy's podSelector).
/// </summary>
public sealed record LabelSelector(ValueMap<string> MatchLabels)
{
    public static LabelSelector All { get; } = new(ValueMap<string>.Empty);

    public ValueList<LabelSelectorRequirement> MatchExpressions { get; init; } = ValueList<LabelSelectorRequirement>.Empty;
}

/// <param name="Operator"><c>In</c>, <c>NotIn</c>, <c>Exists</c> or <c>DoesNotExist</c>, as written.</param>
public sealed record LabelSelectorRequirement(string Key, string Operator, ValueList<string> Values);
