using System.Text;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Validation.VirtualServices;

/// <summary>The options of one HTTP route: redirect, rewrite, directResponse, retries, fault, CORS and mirrors.</summary>
internal static class HttpOptionRules
{
    private static readonly HashSet<string> RetryPolicies = new(StringComparer.Ordinal)
    {
        "5xx", "gateway-error", "reset", "reset-before-request", "connect-failure", "retriable-4xx", "refused-stream",
        "retriable-status-codes", "retriable-headers", "envoy-ratelimited", "http3-post-connect-failure",
        "cancelled", "deadline-exceeded", "internal", "resource-exhausted", "unavailable",
    };

    /// <summary>The codes Go's net/http has a StatusText for: retryOn accepts them as numbers.</summary>
    private static readonly HashSet<int> KnownStatuses =
    [
        100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 307, 308,
        400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423,
        424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
    ];

    private static readonly HashSet<string> GrpcStatuses = new(StringComparer.Ordinal)
    {
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
        "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED",
        "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    };

    private static readonly HashSet<string> CorsMethods = new(StringComparer.Ordinal)
    {
        "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE", "*",
    };

    public static void Redirect(MappingNode route, string path, ObjectFindings f)
    {
        if (SpecNode.Map(route, "redirect") is not { } redirect)
        {
            return;
        }

        var at = ConfigPath.Child(path, "redirect");
        var uri = SpecNode.Text(redirect, "uri");
        var prefixRewrite = SpecNode.Text(redirect, "prefixRewrite");

        // Istio stops at the first problem of a redirect.
        string? problem = null;
        if (uri.Length > 0 && prefixRewrite.Length > 0)
        {
            problem = "a redirect may only specify one of uri and prefixRewrite";
        }
        else if (prefixRewrite.Length > 0 && SpecNode.Items(route, "match").Any(m => SpecNode.Map(m, "uri") is { } u && !SpecNode.Has(u, "prefix")))
        {
            problem = "a redirect with prefixRewrite requires every uri match to be a prefix match";
        }
        else if (uri.Length == 0 && prefixRewrite.Length == 0 && SpecNode.Text(redirect, "authority").Length == 0
            && !SpecNode.Has(redirect, "port") && !SpecNode.Has(redirect, "derivePort") && SpecNode.Text(redirect, "scheme").Length == 0)
        {
            problem = "a redirect must specify uri, authority, scheme or port";
        }
        else if (SpecNode.Integer(redirect, "redirectCode") is { } code && code != 0 && code is < 300 or > 399)
        {
            problem = $"{code} is not a valid redirect code: it must be 3xx";
        }
        else if (SpecNode.Text(redirect, "scheme") is { Length: > 0 } scheme && scheme is not ("http" or "https"))
        {
            problem = "the redirect scheme must be \"http\" or \"https\"";
        }
        else if (SpecNode.Integer(redirect, "port") is { } port && port > 0 && !CommonRules.IsPort(port))
        {
            problem = $"port number {port} must be in the range 1..65535";
        }

        if (problem is not null)
        {
            f.Add(EnforcementKindCodes.HttpRouteOption, at, problem);
        }
    }

    public static void Rewrite(MappingNode route, string path, ObjectFindings f)
    {
        var rewrite = SpecNode.Map(route, "rewrite");
        if (rewrite is not null)
        {
            RewriteFields(rewrite, path, f);
        }

        // validateAuthorityRewrite runs with or without a rewrite: a Host set and an :authority added
        // are two rewrites of the authority too.
        AuthorityOnce(route, rewrite, path, f);
    }

    private static void RewriteFields(MappingNode rewrite, string path, ObjectFindings f)
    {
        var at = ConfigPath.Child(path, "rewrite");
        var uri = SpecNode.Text(rewrite, "uri");
        var regex = SpecNode.Map(rewrite, "uriRegexRewrite");
        if (uri.Length > 0 && regex is not null)
        {
            f.Add(EnforcementKindCodes.HttpRouteOption, at, "a rewrite may only contain one of uri and uriRegexRewrite");
        }
        else if (uri.Length == 0 && regex is null && SpecNode.Text(rewrite, "authority").Length == 0)
        {
            f.Add(EnforcementKindCodes.HttpRouteOption, at, "a rewrite must specify uri, uriRegexRewrite or authority");
        }
        else if (regex is not null)
        {
            var match = SpecNode.Text(regex, "match");
            if (match.Length == 0 || SpecNode.Text(regex, "rewrite").Length == 0)
            {
                f.Add(EnforcementKindCodes.HttpRouteOption, ConfigPath.Child(at, "uriRegexRewrite"), "uriRegexRewrite requires both match and rewrite");
            }
            else if (StringMatchRules.CheckRegex(match) is { } problem)
            {
                f.Add(EnforcementKindCodes.HttpRouteOption, ConfigPath.Child(ConfigPath.Child(at, "uriRegexRewrite"), "match"), problem);
            }
        }
    }

    /// <summary>validateAuthorityRewrite: rewrite.authority, then request set, then request add; at most one may set the authority.</summary>
    private static void AuthorityOnce(MappingNode route, MappingNode? rewrite, string path, ObjectFindings f)
    {
        var authority = SpecNode.Text(rewrite, "authority");
        var request = SpecNode.Map(SpecNode.Map(route, "headers"), "request");
        foreach (var op in new[] { "set", "add" })
        {
            foreach (var (name, value) in SpecNode.StringMap(request, op).Where(h => HttpHeaderNames.IsAuthority(h.Key)))
            {
                if (authority.Length > 0)
                {
                    f.Add(EnforcementKindCodes.HttpRouteOption, ConfigPath.Child(ConfigPath.Child(ConfigPath.Child(ConfigPath.Child(path, "headers"), "request"), op), name), $"the authority is set more than once: have \"{authority}\", attempting to set \"{value}\"");
                }

                authority = value;
            }
        }
    }

    public static void DirectResponse(MappingNode route, string path, ObjectFindings f)
    {
        if (SpecNode.Map(route, "directResponse") is not { } response)
        {
            return;
        }

        var at = ConfigPath.Child(path, "directResponse");
        var body = SpecNode.Map(response, "body");
        var size = SpecNode.String(body, "string") is { } s ? Encoding.UTF8.GetByteCount(s)
            : SpecNode.String(body, "bytes") is { } b ? Base64DecodedLength(b) : 0;
        if (size > 1024 * 1024)
        {
            f.Add(EnforcementKindCodes.HttpRouteOption, ConfigPath.Child(at, "body"), "a direct response body must be smaller than 1MB");
        }
        else if (size > 100 * 1024)
        {
            f.Add(EnforcementKindCodes.VirtualServiceWarning, ConfigPath.Child(at, "body"), "large direct responses may impact control plane performance");
        }

        var status = SpecNode.Integer(response, "status") ?? 0;
        if (status is < 200 or > 600)
        {
            f.Add(EnforcementKindCodes.HttpRouteOption, ConfigPath.Child(at, "status"), $"HTTP status {status} is not in the range 200-599");
        }
    }

    /// <summary>
    /// Bytes the base64 text decodes to (Istio measures len() of the decoded body): padding carries
    /// no data, so exactly 1MiB encoded with '=' padding is still within the limit.
    /// </summary>
    private static int Base64DecodedLength(string encoded)
    {
        var length = encoded.Length;
        for (var pad = 0; pad < 2 && length > 0 && encoded[length - 1] == '='; pad++)
        {
            length--;
        }

        return (int)((long)length * 3 / 4);
    }

    public static void Retries(MappingNode route, string path, ObjectFindings f)
    {
        if (SpecNode.Map(route, "retries") is not { } retries)
        {
            return;
        }

        var at = ConfigPath.Child(path, "retries");
        var attempts = SpecNode.Integer(retries, "attempts") ?? 0;
        if (attempts < 0)
        {
            f.Add(EnforcementKindCodes.HttpRouteOption, ConfigPath.Child(at, "attempts"), "attempts cannot be negative");
        }

        var retryOn = SpecNode.Text(retries, "retryOn");
        if (attempts == 0 && (SpecNode.Has(retries, "perTryTimeout") || retryOn.Length > 0 || SpecNode.Has(retries, "retryRemoteLocalities")))
        {
            f.Add(EnforcementKindCodes.HttpRouteOption, at, "a retry policy is configured while attempts is 0 (retries disabled)");
        }

        CommonRules.Duration(retries, "perTryTimeout", at, f);
        CommonRules.Duration(retries, "backoff", at, f);
        if (retryOn.Length > 0)
        {
            foreach (var policy in retryOn.Split(','))
            {
                var known = RetryPolicies.Contains(policy) || (int.TryParse(policy, out var code) && KnownStatuses.Contains(code));
                if (!known)
                {
                    f.Add(EnforcementKindCodes.HttpRouteOption, ConfigPath.Child(at, "retryOn"), $"\"{policy}\" is not a valid retryOn policy");
                }
            }
        }
    }

    public static void Fault(MappingNode route, string path, ObjectFindings f)
    {
        if (SpecNode.Map(route, "fault") is not { } fault)
        {
            return;
        }

        var at = ConfigPath.Child(path, "fault");
        var abort = SpecNode.Map(fault, "abort");
        var delay = SpecNode.Map(fault, "delay");
        if (abort is null && delay is null)
        {
            f.Add(EnforcementKindCodes.HttpRouteOption, at, "an HTTP fault injection must have an abort and/or a delay");
        }

        if (abort is not null)
        {
            var abortPath = ConfigPath.Child(at, "abort");
            Percentage(abort, abortPath, f);
            if (SpecNode.Has(abort, "grpcStatus"))
            {
                var status = SpecNode.Text(abort, "grpcStatus");
                if (!GrpcStatuses.Contains(status))
                {
                    f.Add(EnforcementKindCodes.HttpRouteOption, ConfigPath.Child(abortPath, "grpcStatus"), $"gRPC status \"{status}\" is not supported; use a code name such as NOT_FOUND");
                }
            }
            else if (SpecNode.Has(abort, "http2Error"))
            {
                f.Add(EnforcementKindCodes.HttpRouteOption, ConfigPath.Child(abortPath, "http2Error"), "HTTP/2 abort fault injection is not supported yet");
            }
            else if (SpecNode.Has(abort, "httpStatus"))
            {
                var status = SpecNode.Integer(abort, "httpStatus") ?? 0;
                if (status is < 200 or > 600)
                {
                    f.Add(EnforcementKindCodes.HttpRouteOption, ConfigPath.Child(abortPath, "httpStatus"), $"HTTP status {status} is not in the range 200-599");
                }
            }
            else
            {
                f.Add(EnforcementKindCodes.VirtualServiceWarning, abortPath, "an abort is configured without an error type (httpStatus, grpcStatus)");
            }
        }

        if (delay is not null)
        {
            var delayPath = ConfigPath.Child(at, "delay");
            Percentage(delay, delayPath, f);
            CommonRules.Duration(delay, "fixedDelay", delayPath, f);
            if (SpecNode.Has(delay, "exponentialDelay"))
            {
                CommonRules.Duration(delay, "exponentialDelay", delayPath, f);
                f.Add(EnforcementKindCodes.HttpRouteOption, ConfigPath.Child(delayPath, "exponentialDelay"), "exponentialDelay is not supported yet");
            }
        }
    }

    /// <summary>validatePercentage: 0, or 0.0001..100.</summary>
    private static void Percentage(MappingNode parent, string path, ObjectFindings f)
    {
        if (SpecNode.Number(SpecNode.Map(parent, "percentage"), "value") is { } value && (value < 0 || value > 100 || (value > 0 && value < 0.0001)))
        {
            f.Add(EnforcementKindCodes.HttpRouteOption, ConfigPath.Child(ConfigPath.Child(path, "percentage"), "value"), $"percentage {value} is neither 0 nor in the range 0.0001..100");
        }
    }

    public static void Cors(MappingNode route, string path, ObjectFindings f)
    {
        if (SpecNode.Map(route, "corsPolicy") is not { } cors)
        {
            return;
        }

        var at = ConfigPath.Child(path, "corsPolicy");
        var origins = SpecNode.Items(cors, "allowOrigins");
        for (var i = 0; i < origins.Count; i++)
        {
            var origin = origins[i];
            var originPath = ConfigPath.Index(ConfigPath.Child(at, "allowOrigins"), i);
            var value = SpecNode.String(origin, "exact") ?? SpecNode.String(origin, "prefix") ?? SpecNode.String(origin, "regex") ?? string.Empty;
            if (value.Length == 0)
            {
                f.Add(EnforcementKindCodes.HttpRouteOption, originPath, "a CORS allowOrigins entry needs a non-empty exact, prefix or regex");
            }
            else if (SpecNode.Has(origin, "regex") && StringMatchRules.CheckRegex(value) is { } problem)
            {
                f.Add(EnforcementKindCodes.HttpRouteOption, ConfigPath.Child(originPath, "regex"), problem);
            }
        }

        var methods = SpecNode.Strings(cors, "allowMethods");
        for (var i = 0; i < methods.Count; i++)
        {
            if (!CorsMethods.Contains(methods[i]))
            {
                f.Add(EnforcementKindCodes.HttpRouteOption, ConfigPath.Index(ConfigPath.Child(at, "allowMethods"), i), $"\"{methods[i]}\" is not a supported HTTP method");
            }
        }

        foreach (var key in new[] { "allowHeaders", "exposeHeaders" })
        {
            var names = SpecNode.Strings(cors, key);
            for (var i = 0; i < names.Count; i++)
            {
                if (HttpHeaderNames.CheckCorsName(names[i]) is { } problem)
                {
                    f.Add(EnforcementKindCodes.HttpRouteOption, ConfigPath.Index(ConfigPath.Child(at, key), i), problem);
                }
            }
        }

        if (SpecNode.String(cors, "maxAge") is { } maxAge)
        {
            CommonRules.Duration(cors, "maxAge", at, f);
            if (ProtoDuration.Parse(maxAge) is { } nanos && nanos % 1_000_000_000m != 0)
            {
                f.Add(EnforcementKindCodes.HttpRouteOption, ConfigPath.Child(at, "maxAge"), "maxAge is accurate only to seconds");
            }
        }
    }

    public static void Mirrors(MappingNode route, string path, ObjectFindings f)
    {
        if (SpecNode.Has(route, "mirrorPercent"))
        {
            if (SpecNode.Integer(route, "mirrorPercent") is > 100 and var value)
            {
                f.Add(EnforcementKindCodes.HttpRouteOption, ConfigPath.Child(path, "mirrorPercent"), $"mirrorPercent must be at most 100 (it is {value})");
            }

            f.Add(EnforcementKindCodes.VirtualServiceWarning, ConfigPath.Child(path, "mirrorPercent"), "mirrorPercent is deprecated; use mirrorPercentage");
        }

        if (SpecNode.Number(SpecNode.Map(route, "mirrorPercentage"), "value") is { } percentage && percentage is > 100 or < 0)
        {
            f.Add(EnforcementKindCodes.HttpRouteOption, ConfigPath.Child(path, "mirrorPercentage"), $"mirrorPercentage must be between 0 and 100 (it is {percentage})");
        }

        RouteDestinationRules.CheckDestination(SpecNode.Map(route, "mirror"), ConfigPath.Child(path, "mirror"), f);
        var mirrors = SpecNode.Items(route, "mirrors");
        for (var i = 0; i < mirrors.Count; i++)
        {
            var at = ConfigPath.Index(ConfigPath.Child(path, "mirrors"), i);
            if (SpecNode.Map(mirrors[i], "destination") is not { } destination)
            {
                f.Add(EnforcementKindCodes.HttpRouteOption, ConfigPath.Child(at, "destination"), "a mirror requires a destination");
                continue;
            }

            RouteDestinationRules.CheckDestination(destination, ConfigPath.Child(at, "destination"), f);
            if (SpecNode.Number(SpecNode.Map(mirrors[i], "percentage"), "value") is { } value && value is > 100 or < 0)
            {
                f.Add(EnforcementKindCodes.HttpRouteOption, ConfigPath.Child(at, "percentage"), $"a mirror percentage must be between 0 and 100 (it is {value})");
            }
        }
    }
}
