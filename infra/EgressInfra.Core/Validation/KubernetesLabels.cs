using System.Text.RegularExpressions;

namespace EgressInfra.Core.Validation;

/// <summary>
/// The API server's rules for label and annotation keys and label values (k8s.io/apimachinery
/// IsQualifiedName and IsValidLabelValue). Each returns why a value is rejected, or null.
/// </summary>
public static partial class KubernetesLabels
{
    public const int MaxNameLength = 63;

    public const int MaxPrefixLength = 253;

    /// <summary>Total size of all annotation keys and values on one object.</summary>
    public const int MaxAnnotationBytes = 256 * 1024;

    public static string? CheckQualifiedName(string key)
    {
        var parts = key.Split('/');
        string name;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                var prefix = parts[0];
                name = parts[1];
                if (prefix.Length == 0)
                {
                    return $"the key '{key}' has an empty prefix before '/'";
                }

                if (!KubernetesNames.IsDns1123Subdomain(prefix))
                {
                    return $"the prefix '{prefix}' of the key '{key}' is not a lower-case DNS subdomain of at most {MaxPrefixLength} characters";
                }

                break;
            default:
                return $"the key '{key}' has more than one '/'";
        }

        if (name.Length == 0)
        {
            return $"the key '{key}' has an empty name";
        }

        if (name.Length > MaxNameLength)
        {
            return $"the name part of the key '{key}' is {name.Length} characters long; the limit is {MaxNameLength}";
        }

        return QualifiedNamePart().IsMatch(name)
            ? null
            : $"the name part of the key '{key}' must start and end with a letter or digit and contain only letters, digits, '-', '_' and '.'";
    }

    public static string? CheckLabelValue(string value)
    {
        if (value.Length > MaxNameLength)
        {
            return $"the label value '{value}' is {value.Length} characters long; the limit is {MaxNameLength}";
        }

        return value.Length == 0 || QualifiedNamePart().IsMatch(value)
            ? null
            : $"the label value '{value}' must be empty or start and end with a letter or digit and contain only letters, digits, '-', '_' and '.'";
    }

    /// <summary>Annotation keys are checked as qualified names after lower-casing, as the API server does.</summary>
    public static string? CheckAnnotationKey(string key) => CheckQualifiedName(key.ToLowerInvariant());

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedNamePart();
}
