using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Istio.Syntax;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Validation.VirtualServices;

/// <summary>validateHTTPRouteDestinations, validateRouteDestinations and validateDestination.</summary>
public static class RouteDestinationRules
{
    /// <param name="http">HTTP destinations also carry header operations.</param>
    public static void CheckRoutes(IReadOnlyList<ConfigNode> routes, string path, bool http, ObjectFindings f)
    {
        long total = 0;
        for (var i = 0; i < routes.Count; i++)
        {
            var at = ConfigPath.Index(path, i);
            if (routes[i] is not MappingNode route)
            {
                f.Add(EnforcementKindCodes.RouteDestination, at, "a route destination may not be null");
                continue;
            }

            if (!SpecNode.Has(route, "destination"))
            {
                f.Add(EnforcementKindCodes.RouteDestination, ConfigPath.Child(at, "destination"), "a destination is required");
            }

            if (http)
            {
                HeaderOperationRules.Check(SpecNode.Map(route, "headers"), ConfigPath.Child(at, "headers"), f);
            }

            CheckDestination(SpecNode.Map(route, "destination"), ConfigPath.Child(at, "destination"), f);
            var weight = SpecNode.Integer(route, "weight") ?? 0;
            if (weight < 0)
            {
                f.Add(EnforcementKindCodes.RouteDestination, ConfigPath.Child(at, "weight"), $"weight {weight} is negative");
            }

            total += weight;
        }

        if (routes.Count > 1 && total == 0)
        {
            f.Add(EnforcementKindCodes.RouteDestination, path, "the destinations' weights add up to 0");
        }
    }

    /// <summary>validateDestination (null destinations are reported by the caller).</summary>
    public static void CheckDestination(MappingNode? destination, string path, ObjectFindings f)
    {
        if (destination is null)
        {
            return;
        }

        var host = SpecNode.Text(destination, "host");
        if (host == "*")
        {
            f.Add(EnforcementKindCodes.RouteDestination, ConfigPath.Child(path, "host"), "invalid destination host '*'");
        }
        else if (DnsNames.CheckWildcardDomain(host) is { IsValid: false } check)
        {
            f.Add(EnforcementKindCodes.RouteDestination, ConfigPath.Child(path, "host"), $"destination host \"{host}\" is not valid: {check.Describe()}");
        }

        if (SpecNode.Text(destination, "subset") is { Length: > 0 } subset && !DnsNames.IsLabel(subset))
        {
            f.Add(EnforcementKindCodes.RouteDestination, ConfigPath.Child(path, "subset"), $"subset name \"{subset}\" is not a DNS-1123 label");
        }

        if (SpecNode.Map(destination, "port") is { } port && !CommonRules.IsPort(SpecNode.Integer(port, "number") ?? 0))
        {
            f.Add(EnforcementKindCodes.RouteDestination, ConfigPath.Child(ConfigPath.Child(path, "port"), "number"), $"port number {SpecNode.Integer(port, "number") ?? 0} must be in the range 1..65535");
        }
    }
}
