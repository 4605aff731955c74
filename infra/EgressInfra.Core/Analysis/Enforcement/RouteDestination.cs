using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Analysis.Enforcement;

/// <summary>One destination a VirtualService sends traffic to, with the route it belongs to.</summary>
/// <param name="Protocol">http, tls or tcp: the route list it is in.</param>
/// <param name="Path">The destination's path inside the VirtualService.</param>
/// <param name="Host">The host resolved as Istio resolves short names.</param>
/// <param name="Gateways">The gateways the route applies to: its matches' gateways, or the VirtualService's.</param>
public sealed record RouteDestination(string Protocol, string Path, string Host, string? Subset, long? Port, IReadOnlyList<string> Gateways)
{
    public bool FromMesh => Gateways.Contains("mesh", StringComparer.Ordinal);

    /// <summary>Every destination of a VirtualService, including mirrors.</summary>
    public static IEnumerable<RouteDestination> Of(SetObject vs)
    {
        var spec = vs.Input.Spec;
        var bound = SpecNode.Strings(spec, "gateways");
        IReadOnlyList<string> vsGateways = bound.Count == 0 ? ["mesh"] : bound;
        foreach (var protocol in (string[])["http", "tls", "tcp"])
        {
            var routes = SpecNode.Items(spec, protocol);
            for (var i = 0; i < routes.Count; i++)
            {
                var routePath = ConfigPath.Index(ConfigPath.Child("spec", protocol), i);
                var matchGateways = SpecNode.Items(routes[i], "match").SelectMany(m => SpecNode.Strings(m, "gateways")).Distinct(StringComparer.Ordinal).ToList();
                IReadOnlyList<string> gateways = matchGateways.Count > 0 ? matchGateways : vsGateways;
                var targets = SpecNode.Items(routes[i], "route");
                for (var j = 0; j < targets.Count; j++)
                {
                    var path = ConfigPath.Child(ConfigPath.Index(ConfigPath.Child(routePath, "route"), j), "destination");
                    if (Make(protocol, path, SpecNode.Map(targets[j], "destination"), vs.Namespace, gateways) is { } d)
                    {
                        yield return d;
                    }
                }

                if (Make(protocol, ConfigPath.Child(routePath, "mirror"), SpecNode.Map(routes[i], "mirror"), vs.Namespace, gateways) is { } mirror)
                {
                    yield return mirror;
                }

                var mirrors = SpecNode.Items(routes[i], "mirrors");
                for (var j = 0; j < mirrors.Count; j++)
                {
                    var path = ConfigPath.Child(ConfigPath.Index(ConfigPath.Child(routePath, "mirrors"), j), "destination");
                    if (Make(protocol, path, SpecNode.Map(mirrors[j], "destination"), vs.Namespace, gateways) is { } d)
                    {
                        yield return d;
                    }
                }
            }
        }
    }

    private static RouteDestination? Make(string protocol, string path, MappingNode? destination, string ns, IReadOnlyList<string> gateways)
    {
        var host = SpecNode.String(destination, "host");
        if (destination is null || string.IsNullOrEmpty(host))
        {
            return null;
        }

        var subset = SpecNode.String(destination, "subset") is { Length: > 0 } s ? s : null;
        return new RouteDestination(protocol, path, ObjectSet.ResolveHost(host, ns), subset, SpecNode.Integer(SpecNode.Map(destination, "port"), "number"), gateways);
    }
}
