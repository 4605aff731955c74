using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests.Modes;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>
/// In gateway mode, each service that bypasses the gateway is a finding: its NetworkPolicy opening is
/// limited to exact addresses and ports, but nothing checks which namespace calls or which host it asks
/// for. Waivable per service, with a reason and an expiry, like the other per-service rules.
/// </summary>
public sealed class NoGatewayBypassRule : IProfileRule
{
    public string Id => "no-gateway-bypass";

    public DiagnosticDescriptor Descriptor => PolicyCodes.GatewayBypass;

    public bool IsPerService => true;

    public IEnumerable<RuleFinding> Check(RuleContext context)
    {
        if (context.Config.Egress.Mode != EgressMode.Gateway)
        {
            yield break;
        }

        foreach (var service in context.Services.Where(s => s.BypassGateway && s.Namespaces.Count > 0))
        {
            var ports = string.Join(", ", DirectDestinations.Ports(service).Select(DirectDestinations.Describe));
            var addresses = DirectDestinations.Cidrs(service) is { } cidrs ? string.Join(", ", cidrs) : "no exact address";
            yield return RuleContext.Finding(
                service,
                "bypassGateway",
                $"{RuleContext.Describe(service)} bypasses the egress gateway: {string.Join(", ", service.Namespaces)} reach {addresses} on {ports} directly, without the gateway's per-namespace authorization");
        }
    }
}
