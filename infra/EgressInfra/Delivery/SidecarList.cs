using System.Text.Json;
using EgressInfra.Core.Collections;
using EgressInfra.Core.Delivery;

namespace EgressInfra.Delivery;

/// <summary>
/// Reads the API server's list of Sidecars: each item's name and its <c>spec.workloadSelector</c>,
/// where a selector present without labels is kept as empty, not as absent (Istio ranks it as a selector).
/// </summary>
internal static class SidecarList
{
    public static IEnumerable<ObservedSidecar> Read(string ns, object? list)
    {
        if (list is not JsonElement { ValueKind: JsonValueKind.Object } root
            || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("the list of Sidecars has no items array");
        }

        foreach (var item in items.EnumerateArray())
        {
            var name = item.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                ? n.GetString()!
                : "(unnamed)";
            yield return new ObservedSidecar(ns, name, Selector(item));
        }
    }

    private static ValueMap<string>? Selector(JsonElement item)
    {
        if (!item.TryGetProperty("spec", out var spec) || spec.ValueKind != JsonValueKind.Object
            || !spec.TryGetProperty("workloadSelector", out var selector) || selector.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (!selector.TryGetProperty("labels", out var labels) || labels.ValueKind != JsonValueKind.Object)
        {
            return ValueMap<string>.Empty;
        }

        return labels.EnumerateObject()
            .Select(l => KeyValuePair.Create(l.Name, l.Value.ValueKind == JsonValueKind.String ? l.Value.GetString()! : l.Value.GetRawText()))
            .ToValueMap();
    }
}
