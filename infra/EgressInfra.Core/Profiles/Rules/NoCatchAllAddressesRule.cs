using EgressInfra.Core.Analysis;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>
/// No <c>0.0.0.0/0</c> or <c>::/0</c>: such an entry is ALLOW_ANY for its ports, and a catch-all
/// TCP entry on :80 also breaks plain HTTP to every other host (istio/istio#22634).
/// </summary>
public sealed class NoCatchAllAddressesRule : IProfileRule
{
    public string Id => "no-catch-all-addresses";

    public DiagnosticDescriptor Descriptor => PolicyCodes.NoCatchAllAddresses;

    public bool IsPerService => true;

    public IEnumerable<RuleFinding> Check(RuleContext context)
    {
        foreach (var service in context.Services)
        {
            for (var i = 0; i < service.Addresses.Count; i++)
            {
                if (AddressRange.TryParse(service.Addresses[i], out var range) && range.PrefixLength == 0)
                {
                    var family = range.IsIPv6 ? "IPv6" : "IPv4";
                    yield return RuleContext.Finding(
                        service,
                        $"addresses[{i}]",
                        $"'{service.Addresses[i]}' matches every {family} address ({RuleContext.Describe(service)})");
                }
            }
        }
    }
}
