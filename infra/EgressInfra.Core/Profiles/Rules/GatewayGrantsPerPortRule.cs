using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests.Modes.Gateway;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>
/// Through the egress gateway, a namespace reaches a host on exactly the ports it was granted. The
/// gateway's AuthorizationPolicy pairs namespaces with the SNI or Host, not with the port (the port it
/// could see is the gateway pod's), so when one service grants a host's port 443 to payments and
/// another grants its port 8443 to orders, the rendered policy lets each reach the other's port too:
/// more than the stack declares. Reported at the service whose namespaces gain ports.
/// </summary>
public sealed class GatewayGrantsPerPortRule : IProfileRule
{
    public string Id => "gateway-grants-per-port";

    public DiagnosticDescriptor Descriptor => PolicyCodes.GatewayGrantsPerPort;

    public bool IsPerService => true;

    public IEnumerable<RuleFinding> Check(RuleContext context)
    {
        var egress = context.Config.Egress;
        if (egress.Mode != EgressMode.Gateway)
        {
            yield break;
        }

        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var destination in GatewayDestination.Of(egress))
        {
            var portsOf = destination.Namespaces.ToDictionary(
                ns => ns,
                ns => destination.Services.Where(s => s.Namespaces.Contains(ns, StringComparer.Ordinal)).SelectMany(s => s.Ports).Select(p => p.Number).ToHashSet(),
                StringComparer.Ordinal);
            var all = destination.Ports.Select(p => p.Number).ToList();
            foreach (var service in destination.Services)
            {
                var gains = service.Namespaces
                    .Select(ns => (Namespace: ns, Ports: all.Where(p => !portsOf[ns].Contains(p)).ToList()))
                    .Where(g => g.Ports.Count > 0)
                    .ToList();
                if (gains.Count == 0 || !reported.Add($"{service.SourcePath}|{destination.Host}"))
                {
                    continue;
                }

                var what = string.Join("; ", gains.Select(g => $"{g.Namespace} also reaches port {string.Join(", ", g.Ports)}"));
                yield return RuleContext.Finding(
                    service,
                    "namespaces",
                    $"{RuleContext.Describe(service)} grants {destination.Host} to {string.Join(", ", service.Namespaces)}, and another service grants it on other ports to other namespaces: the egress gateway authorizes by host, not port, so {what}");
            }
        }
    }
}
