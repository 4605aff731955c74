using System.Text.RegularExpressions;

namespace EgressInfra.Core.Validation;

/// <summary>The API server's name rules (k8s.io/apimachinery validation), which apply before Istio sees anything.</summary>
public static partial class KubernetesNames
{
    /// <summary>RFC 1123 label: namespaces, and the names EgressInfra generates.</summary>
    public static bool IsDns1123Label(string value) => value.Length is > 0 and <= 63 && Label().IsMatch(value);

    /// <summary>RFC 1123 subdomain: metadata.name of a ServiceEntry or Sidecar.</summary>
    public static bool IsDns1123Subdomain(string value) => value.Length is > 0 and <= 253 && Subdomain().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();
}
