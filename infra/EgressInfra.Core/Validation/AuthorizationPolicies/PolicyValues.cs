using EgressInfra.Core.Validation.Istio.Syntax;

namespace EgressInfra.Core.Validation.AuthorizationPolicies;

/// <summary>
/// The value checks of pkg/config/security that AuthorizationPolicy fields and conditions use. Each
/// returns why Istio rejects the values, or null.
/// </summary>
public static class PolicyValues
{
    private const string MatchOne = "{*}";
    private const string MatchAny = "{**}";

    public static string? Empty(string field, IReadOnlyList<string> values) =>
        values.Any(v => v.Length == 0) ? $"an empty value is not allowed in {field}" : null;

    /// <summary>security.ValidateIPs: each value is an address or a CIDR as Go's netip parses them.</summary>
    public static string? Ips(IReadOnlyList<string> values)
    {
        foreach (var v in values)
        {
            if (v.Contains('/', StringComparison.Ordinal) ? !IstioIp.IsPrefix(v) : !IstioIp.IsAddress(v))
            {
                return v.Contains('/', StringComparison.Ordinal) ? $"bad CIDR range ({v})" : $"bad IP address ({v})";
            }
        }

        return null;
    }

    /// <summary>security.ValidatePorts: decimal numbers 0..65535.</summary>
    public static string? Ports(IReadOnlyList<string> values)
    {
        foreach (var v in values)
        {
            if (v.Length == 0 || !v.All(char.IsAsciiDigit) || !ulong.TryParse(v, out var p) || p > 65535)
            {
                return $"bad port ({v})";
            }
        }

        return null;
    }

    /// <summary>security.CheckServiceAccount: 'sa' or 'namespace/sa', no wildcards, at most 16 values of 320 characters.</summary>
    public static string? ServiceAccounts(string field, IReadOnlyList<string> values)
    {
        if (values.Count > 16)
        {
            return $"{field} may not have more than 16 values";
        }

        foreach (var v in values)
        {
            if (v.Length == 0)
            {
                return $"an empty value is not allowed in {field}";
            }

            if (v.Contains('*', StringComparison.Ordinal))
            {
                return $"a wildcard is not allowed in {field}";
            }

            var slashes = v.Count(c => c == '/');
            if (slashes > 1 || v.Length > 320 || (slashes == 1 && (v.StartsWith('/') || v.EndsWith('/'))))
            {
                return $"\"{v}\" in {field} must be 'serviceAccount' or 'namespace/serviceAccount' (at most 320 characters)";
            }
        }

        return null;
    }

    /// <summary>security.CheckWildcardValues: at most one '*', and only at the start or the end.</summary>
    public static string? Wildcards(string field, IReadOnlyList<string> values)
    {
        if (Empty(field, values) is { } empty)
        {
            return empty;
        }

        foreach (var v in values)
        {
            var count = v.Count(c => c == '*');
            if (count > 1)
            {
                return $"at most one wildcard is allowed in {field}: \"{v}\"";
            }

            if (count == 1 && v != "*" && !v.StartsWith('*') && !v.EndsWith('*'))
            {
                return $"a wildcard is only allowed at the start or the end in {field}: \"{v}\"";
            }
        }

        return null;
    }

    /// <summary>security.CheckTrustDomainValues.</summary>
    public static string? TrustDomains(string field, IReadOnlyList<string> values) =>
        Wildcards(field, values) ?? (values.FirstOrDefault(v => v.Contains('/', StringComparison.Ordinal)) is { } bad
            ? $"a trust domain must not contain '/': \"{bad}\" in {field}"
            : null);

    /// <summary>security.CheckValidPathTemplate: {*} and {**} as whole segments, {**} last, literals in between.</summary>
    public static string? PathTemplates(string field, IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
        {
            var isTemplate = path.Contains(MatchOne, StringComparison.Ordinal) || path.Contains(MatchAny, StringComparison.Ordinal);
            var seenAny = false;
            foreach (var glob in path.Trim('/').Split('/'))
            {
                if (glob is MatchOne or MatchAny)
                {
                    if (seenAny)
                    {
                        return $"invalid path {path} in {field}: {{**}} must be the last operator";
                    }

                    seenAny = glob == MatchAny;
                    continue;
                }

                if (glob.Contains('{', StringComparison.Ordinal) || glob.Contains('}', StringComparison.Ordinal))
                {
                    return $"invalid path {path} in {field}: '{{' or '}}' outside a supported path template";
                }

                if (isTemplate && !IsLiteral(glob))
                {
                    return $"invalid path {path} in {field}: the segment \"{glob}\" is not a valid literal";
                }
            }
        }

        return null;
    }

    private static bool IsLiteral(string glob) =>
        glob.Length > 0 && glob.All(c => char.IsAsciiLetterOrDigit(c) || "-._~%!$&'()+,;:@=".Contains(c, StringComparison.Ordinal));
}
