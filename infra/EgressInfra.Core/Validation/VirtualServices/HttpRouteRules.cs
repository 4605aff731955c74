using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Validation.VirtualServices;

/// <summary>validateHTTPRoute: the route's action, its matches, header operations and options.</summary>
internal static class HttpRouteRules
{
    /// <param name="inDelegate">The VirtualService is a delegate (it has no hosts).</param>
    public static void Check(MappingNode route, string path, bool inDelegate, ObjectFindings f)
    {
        CheckActions(route, path, inDelegate, f);
        CheckMatches(route, path, f);
        HeaderOperationRules.Check(SpecNode.Map(route, "headers"), ConfigPath.Child(path, "headers"), f);
        HttpOptionRules.Cors(route, path, f);
        HttpOptionRules.Fault(route, path, f);
        HttpOptionRules.Mirrors(route, path, f);
        HttpOptionRules.Redirect(route, path, f);
        HttpOptionRules.DirectResponse(route, path, f);
        HttpOptionRules.Retries(route, path, f);
        HttpOptionRules.Rewrite(route, path, f);
        RouteDestinationRules.CheckRoutes(SpecNode.Items(route, "route"), ConfigPath.Child(path, "route"), http: true, f);
        CommonRules.Duration(route, "timeout", path, f);
    }

    /// <summary>validateHTTPRouteConflict: which actions a route may combine.</summary>
    private static void CheckActions(MappingNode route, string path, bool inDelegate, ObjectFindings f)
    {
        var name = SpecNode.Text(route, "name");
        var hasRedirect = SpecNode.Has(route, "redirect");
        var hasDirect = SpecNode.Has(route, "directResponse");
        var hasFault = SpecNode.Has(route, "fault");
        var hasRewrite = SpecNode.Has(route, "rewrite");
        var routes = SpecNode.Items(route, "route").Count;

        void Conflict(string message) => f.Add(EnforcementKindCodes.HttpRouteAction, path, message);

        if (!inDelegate && SpecNode.Has(route, "delegate"))
        {
            // A root route hands everything to the delegate.
            if (hasRedirect)
            {
                Conflict($"the root HTTP route {name} must not specify redirect");
            }

            if (SpecNode.Has(route, "route"))
            {
                Conflict($"the root HTTP route {name} must not specify route");
            }

            return;
        }

        if (inDelegate && SpecNode.Has(route, "delegate"))
        {
            Conflict("a delegate HTTP route cannot contain delegate");
        }

        if (hasRedirect)
        {
            if (routes > 0)
            {
                Conflict("an HTTP route cannot contain both route and redirect");
            }

            if (hasFault)
            {
                Conflict("an HTTP route cannot contain both fault and redirect");
            }

            if (hasRewrite)
            {
                Conflict("an HTTP route cannot contain both rewrite and redirect");
            }

            if (hasDirect)
            {
                Conflict("an HTTP route cannot contain both directResponse and redirect");
            }
        }
        else if (hasDirect)
        {
            if (routes > 0)
            {
                Conflict("an HTTP route cannot contain both route and directResponse");
            }

            if (hasFault)
            {
                Conflict("an HTTP route cannot contain both fault and directResponse");
            }

            if (hasRewrite)
            {
                Conflict("an HTTP route cannot contain both rewrite and directResponse");
            }
        }
        else if (routes == 0)
        {
            Conflict("an HTTP route needs a route, redirect or directResponse");
        }

        if (SpecNode.Has(route, "mirror") && SpecNode.NonEmpty(route, "mirrors"))
        {
            Conflict("an HTTP route cannot contain both mirror and mirrors");
        }
    }

    /// <summary>validateHTTPRouteMatchRequest.</summary>
    private static void CheckMatches(MappingNode route, string path, ObjectFindings f)
    {
        var matches = SpecNode.Items(route, "match");
        for (var i = 0; i < matches.Count; i++)
        {
            if (matches[i] is not MappingNode match)
            {
                continue;
            }

            var at = ConfigPath.Index(ConfigPath.Child(path, "match"), i);
            foreach (var key in new[] { "headers", "withoutHeaders" })
            {
                if (SpecNode.Map(match, key) is not { } headers)
                {
                    continue;
                }

                foreach (var (name, value) in headers.Entries)
                {
                    var headerPath = ConfigPath.Child(ConfigPath.Child(at, key), name.Text);
                    if (key == "headers" && value is ScalarNode { Kind: ScalarKind.Null })
                    {
                        f.Add(EnforcementKindCodes.RouteMatch, headerPath, $"the header match {name.Text} cannot be null");
                    }

                    if (HttpHeaderNames.CheckMatchName(name.Text) is { } problem)
                    {
                        f.Add(EnforcementKindCodes.RouteMatch, headerPath, problem);
                    }

                    if (key == "headers" || SpecNode.String(value, "regex") != "*")
                    {
                        StringMatchRules.Check(value, headerPath, f);
                    }
                }
            }

            StringMatchRules.Check(SpecNode.Get(match, "uri"), ConfigPath.Child(at, "uri"), f, checkPrefix: false);
            foreach (var key in new[] { "scheme", "method", "authority" })
            {
                StringMatchRules.Check(SpecNode.Get(match, key), ConfigPath.Child(at, key), f);
            }

            foreach (var (name, value) in SpecNode.Map(match, "queryParams")?.Entries ?? [])
            {
                StringMatchRules.Check(value, ConfigPath.Child(ConfigPath.Child(at, "queryParams"), name.Text), f);
            }

            MatchRules.CheckCommon(match, at, f);
        }
    }
}
