namespace EgressInfra.Core.Validation.VirtualServices;

/// <summary>Istio's header-name rules for matches, CORS and header operations.</summary>
public static class HttpHeaderNames
{
    public const string JwtClaimPrefix = "@request.auth.claims";

    private static readonly string[] PseudoHeaders = [":method", ":scheme", ":authority", ":path", ":status"];

    /// <summary>RFC 7230 token characters (validHeaderNameRegex).</summary>
    public static bool IsToken(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal));

    /// <summary>jwt.ToRoutingClaim(name).Match: @request.auth.claims.name or @request.auth.claims[name].</summary>
    public static bool IsJwtClaim(string name)
    {
        if (!name.StartsWith(JwtClaimPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = name[JwtClaimPrefix.Length..];
        return (rest.StartsWith('.') && rest.Length > 1) || (rest.StartsWith('[') && rest.EndsWith(']') && rest.Length > 2);
    }

    /// <summary>ValidateHTTPHeaderNameOrJwtClaimRoute; null when valid.</summary>
    public static string? CheckMatchName(string name) =>
        name.Length == 0 ? "a header name cannot be empty"
        : IsJwtClaim(name) || PseudoHeaders.Contains(name, StringComparer.Ordinal) || IsToken(name) ? null
        : $"\"{name}\" is not a valid header name";

    /// <summary>ValidateCORSHTTPHeaderName.</summary>
    public static string? CheckCorsName(string name) =>
        name.Length == 0 ? "a header name cannot be empty" : name == "*" || IsToken(name) ? null : $"\"{name}\" is not a valid header name";

    public static bool IsAuthority(string name) =>
        string.Equals(name, ":authority", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "host", StringComparison.OrdinalIgnoreCase);

    private static bool IsInternal(string name) => name.StartsWith(':') || string.Equals(name, "host", StringComparison.OrdinalIgnoreCase);

    /// <summary>ValidateHTTPHeaderWithAuthorityOperationName (request add/set).</summary>
    public static string? CheckRequestSetName(string name) =>
        name.Length == 0 ? "a header name cannot be empty" : IsInternal(name) && !IsAuthority(name) ? $"invalid header \"{name}\": a header cannot have a ':' prefix" : null;

    /// <summary>ValidateHTTPHeaderOperationName (request remove, response add/set/remove).</summary>
    public static string? CheckOperationName(string name) =>
        name.Length == 0 ? "a header name cannot be empty"
        : string.Equals(name, "host", StringComparison.OrdinalIgnoreCase) ? $"invalid header \"{name}\": the Host header cannot be set here"
        : IsInternal(name) ? $"invalid header \"{name}\": a header cannot have a ':' prefix"
        : null;

    /// <summary>ValidateHTTPHeaderValue: no control characters other than tab.</summary>
    public static string? CheckValue(string value) =>
        value.Any(c => c is (>= '\u0000' and <= '\u0008') or (>= '\u000A' and <= '\u001F') or '\u007F')
            ? $"the header value \"{value}\" contains control characters"
            : null;
}
