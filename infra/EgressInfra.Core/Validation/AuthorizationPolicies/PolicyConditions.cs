namespace EgressInfra.Core.Validation.AuthorizationPolicies;

/// <summary>security.ValidateAttribute: the keys a when condition may use, and what each accepts.</summary>
public static class PolicyConditions
{
    /// <summary>Why Istio rejects the values for the key, or null.</summary>
    public static string? Check(string key, IReadOnlyList<string> values)
    {
        if (PolicyValues.Empty(key, values) is { } empty)
        {
            return empty;
        }

        if (key.StartsWith("request.headers", StringComparison.Ordinal)
            || key.StartsWith("request.auth.claims", StringComparison.Ordinal)
            || key.StartsWith("experimental.envoy.filters.", StringComparison.Ordinal))
        {
            return MapKey(key);
        }

        return key switch
        {
            "source.ip" or "remote.ip" or "destination.ip" => PolicyValues.Ips(values),
            "source.serviceAccount" => PolicyValues.ServiceAccounts(key, values),
            "source.trustDomain" => PolicyValues.Wildcards(key, values),
            "destination.port" => PolicyValues.Ports(values),
            "source.namespace" or "source.principal" or "request.auth.principal" or "request.auth.audiences"
                or "request.auth.presenter" or "connection.sni" => null,
            "destination.namespace" => $"the attribute {key} is replaced by metadata.namespace",
            "destination.name" or "destination.user" => $"the attribute {key} is deprecated (v1alpha1 only)",
            _ when key.StartsWith("destination.labels", StringComparison.Ordinal) => $"the attribute {key} is replaced by the workload selector",
            _ => $"unknown attribute: {key}",
        };
    }

    /// <summary>a[b] with a non-empty b.</summary>
    private static string? MapKey(string key)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        return key.EndsWith(']') && open > 0 && open < key.Length - 2 ? null : $"bad key ({key}): it should have the form a[b]";
    }
}
