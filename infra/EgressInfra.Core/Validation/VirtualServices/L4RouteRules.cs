using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Istio.Syntax;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Validation.VirtualServices;

/// <summary>validateTLSRoute (SNI matches covered by the hosts) and validateTCPRoute.</summary>
internal static class L4RouteRules
{
    /// <param name="boundToGateway">The VirtualService is not bound to the mesh: SNI hosts may be Istio's outbound_ names.</param>
    public static void CheckTls(MappingNode route, string path, IReadOnlyList<string> hosts, bool boundToGateway, ObjectFindings f)
    {
        var matches = SpecNode.Items(route, "match");
        if (matches.Count == 0)
        {
            f.Add(EnforcementKindCodes.TlsRoute, ConfigPath.Child(path, "match"), "a tls route must have at least one match");
        }

        for (var i = 0; i < matches.Count; i++)
        {
            var at = ConfigPath.Index(ConfigPath.Child(path, "match"), i);
            if (matches[i] is not MappingNode match)
            {
                f.Add(EnforcementKindCodes.TlsRoute, at, "a tls match may not be null");
                continue;
            }

            var sniHosts = SpecNode.Strings(match, "sniHosts");
            if (sniHosts.Count == 0)
            {
                f.Add(EnforcementKindCodes.TlsRoute, ConfigPath.Child(at, "sniHosts"), "a tls match must have at least one SNI host");
            }

            for (var s = 0; s < sniHosts.Count; s++)
            {
                CheckSniHost(sniHosts[s], ConfigPath.Index(ConfigPath.Child(at, "sniHosts"), s), hosts, boundToGateway, f);
            }

            MatchRules.CheckSubnets(match, at, f);
            MatchRules.CheckCommon(match, at, f, checkSourceNamespace: false);
        }

        var routes = SpecNode.Items(route, "route");
        if (routes.Count == 0)
        {
            f.Add(EnforcementKindCodes.TlsRoute, ConfigPath.Child(path, "route"), "a tls route needs a route");
        }

        RouteDestinationRules.CheckRoutes(routes, ConfigPath.Child(path, "route"), http: false, f);
    }

    public static void CheckTcp(MappingNode route, string path, ObjectFindings f)
    {
        var matches = SpecNode.Items(route, "match");
        for (var i = 0; i < matches.Count; i++)
        {
            var at = ConfigPath.Index(ConfigPath.Child(path, "match"), i);
            if (matches[i] is not MappingNode match)
            {
                f.Add(EnforcementKindCodes.RouteMatch, at, "a tcp match may not be null");
                continue;
            }

            MatchRules.CheckSubnets(match, at, f);
            MatchRules.CheckCommon(match, at, f, checkSourceNamespace: false);
        }

        var routes = SpecNode.Items(route, "route");
        if (routes.Count == 0)
        {
            f.Add(EnforcementKindCodes.TlsRoute, ConfigPath.Child(path, "route"), "a tcp route needs a route");
        }

        RouteDestinationRules.CheckRoutes(routes, ConfigPath.Child(path, "route"), http: false, f);
    }

    private static void CheckSniHost(string sni, string path, IReadOnlyList<string> hosts, bool boundToGateway, ObjectFindings f)
    {
        var problem = boundToGateway ? VirtualServiceHosts.CheckBoundToGateway(sni, sni: true) : VirtualServiceHosts.CheckDomain(sni);
        if (problem is not null)
        {
            if (IstioIp.IsAddress(sni))
            {
                f.Add(EnforcementKindCodes.VirtualServiceWarning, path, $"using an IP address (\"{sni}\") as SNI host goes against the SNI specification; most clients do not send it");
            }
            else
            {
                f.Add(EnforcementKindCodes.TlsRoute, path, problem);
            }

            return;
        }

        if (!hosts.Any(h => IstioHostName.SubsetOf(sni, h)))
        {
            f.Add(EnforcementKindCodes.TlsRoute, path, $"SNI host \"{sni}\" is not covered by any of the VirtualService's hosts: [{string.Join(", ", hosts)}]");
        }
    }
}
