using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Istio.Syntax;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Validation.VirtualServices;

/// <summary>
/// Istio's admission rules for one VirtualService (ValidateVirtualService): hosts, gateways, delegates,
/// and every http, tls and tcp route with its matches, destinations and options.
/// </summary>
public static class VirtualServiceValidator
{
    public static IReadOnlyList<Diagnostic> Validate(ObjectInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var f = new ObjectFindings();
        if (!CommonRules.CheckAnnotations(input, f))
        {
            return f.Items;
        }

        var spec = input.Spec;
        var hosts = SpecNode.Strings(spec, "hosts");
        var gateways = SpecNode.Strings(spec, "gateways");
        var http = SpecNode.Items(spec, "http");
        var tls = SpecNode.Items(spec, "tls");
        var tcp = SpecNode.Items(spec, "tcp");

        if (hosts.Count == 0)
        {
            // Without hosts, this is a delegate of another VirtualService's http route.
            if (gateways.Count > 0)
            {
                f.Add(EnforcementKindCodes.VirtualServiceNoRoutes, "spec.gateways", "a delegate VirtualService (no hosts) must not name gateways");
            }

            if (tls.Count > 0)
            {
                f.Add(EnforcementKindCodes.VirtualServiceNoRoutes, "spec.tls", "a delegate VirtualService (no hosts) cannot have tls routes");
            }

            if (tcp.Count > 0)
            {
                f.Add(EnforcementKindCodes.VirtualServiceNoRoutes, "spec.tcp", "a delegate VirtualService (no hosts) cannot have tcp routes");
            }
        }

        var boundToGateway = false;
        if (gateways.Count > 0)
        {
            GatewayNames.Check(gateways, "spec.gateways", f);
            boundToGateway = !gateways.Contains(GatewayNames.Mesh, StringComparer.Ordinal);
        }

        if (!boundToGateway)
        {
            CheckJwtClaimRouting(http, f);
        }

        var allHostsValid = true;
        for (var i = 0; i < hosts.Count; i++)
        {
            var host = hosts[i];
            var problem = boundToGateway ? VirtualServiceHosts.CheckBoundToGateway(host, IsSniHost(tls)) : VirtualServiceHosts.CheckDomain(host);
            if (problem is not null)
            {
                if (!IstioIp.IsAddress(host))
                {
                    f.Add(EnforcementKindCodes.VirtualServiceHost, ConfigPath.Index("spec.hosts", i), problem);
                    allHostsValid = false;
                }
            }
            else if (!boundToGateway && host == "*")
            {
                f.Add(EnforcementKindCodes.VirtualServiceHost, ConfigPath.Index("spec.hosts", i), "the wildcard host '*' is not allowed for VirtualServices bound to the mesh");
                allHostsValid = false;
            }
        }

        if (allHostsValid)
        {
            for (var i = 0; i < hosts.Count; i++)
            {
                for (var j = i + 1; j < hosts.Count; j++)
                {
                    if (IstioHostName.Matches(hosts[i], hosts[j]))
                    {
                        f.Add(EnforcementKindCodes.VirtualServiceDuplicateHost, ConfigPath.Index("spec.hosts", j), $"duplicate hosts in the VirtualService: {hosts[i]} and {hosts[j]}");
                    }
                }
            }
        }

        if (http.Count == 0 && tcp.Count == 0 && tls.Count == 0)
        {
            f.Add(EnforcementKindCodes.VirtualServiceNoRoutes, "spec", "a VirtualService needs http, tcp or tls routes");
        }

        for (var i = 0; i < http.Count; i++)
        {
            var path = ConfigPath.Index("spec.http", i);
            if (http[i] is MappingNode route)
            {
                HttpRouteRules.Check(route, path, inDelegate: hosts.Count == 0, f);
            }
            else
            {
                f.Add(EnforcementKindCodes.HttpRouteAction, path, "an http route may not be null");
            }
        }

        for (var i = 0; i < tls.Count; i++)
        {
            if (tls[i] is MappingNode route)
            {
                L4RouteRules.CheckTls(route, ConfigPath.Index("spec.tls", i), hosts, boundToGateway, f);
            }
        }

        for (var i = 0; i < tcp.Count; i++)
        {
            if (tcp[i] is MappingNode route)
            {
                L4RouteRules.CheckTcp(route, ConfigPath.Index("spec.tcp", i), f);
            }
        }

        CommonRules.ExportTo(spec, input.Namespace, f);
        return f.Items;
    }

    private static bool IsSniHost(IReadOnlyList<ConfigNode> tls) =>
        tls.Any(route => SpecNode.Items(route, "match").Any(m => SpecNode.NonEmpty(m, "sniHosts")));

    /// <summary>Routing on JWT claims needs the gateway's authentication filter: only gateways have it.</summary>
    private static void CheckJwtClaimRouting(IReadOnlyList<ConfigNode> http, ObjectFindings f)
    {
        for (var i = 0; i < http.Count; i++)
        {
            var matches = SpecNode.Items(http[i], "match");
            for (var m = 0; m < matches.Count; m++)
            {
                foreach (var key in new[] { "headers", "withoutHeaders" })
                {
                    foreach (var entry in SpecNode.Map(matches[m], key)?.Entries ?? [])
                    {
                        if (HttpHeaderNames.IsJwtClaim(entry.Key.Text))
                        {
                            var path = ConfigPath.Child(ConfigPath.Child(ConfigPath.Index(ConfigPath.Child(ConfigPath.Index("spec.http", i), "match"), m), key), entry.Key.Text);
                            f.Add(EnforcementKindCodes.RouteMatch, path, $"JWT claim based routing ({entry.Key.Text}) is only supported on gateways, and this VirtualService applies to the mesh");
                        }
                    }
                }
            }
        }
    }
}
