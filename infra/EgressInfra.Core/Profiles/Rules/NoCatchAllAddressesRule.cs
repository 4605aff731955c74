using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>
/// No <c>0.0.0.0/0</c> or <c>::/0</c>, in any spelling: such an entry is ALLOW_ANY for its ports, and a
/// catch-all TCP entry on :80 also breaks plain HTTP to every other host (istio/istio#22634). An IPv6
/// range that embeds all of IPv4 (<c>::ffff:0.0.0.0/96</c>, <c>64:ff9b::/96</c>) and ranges that
/// together cover a whole family (<c>0.0.0.0/1</c> plus <c>128.0.0.0/1</c>) count as what they cover.
/// The unspecified address is a catch-all too, with any prefix (<c>0.0.0.0</c>, <c>0.0.0.0/32</c>,
/// <c>::</c>): Istio turns it into a listener or filter chain without an address match.
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
            var reached = PolicyAddresses.Of(service);
            var reported = new HashSet<int>();
            foreach (var item in reached.Where(r => r.Range.PrefixLength == 0 && reported.Add(r.Index)))
            {
                var family = item.Range.IsIPv6 ? "IPv6" : "IPv4";
                var how = item.ViaIpv6 ? $" (an IPv6 form of 0.0.0.0/0: it reaches every IPv4 address)" : string.Empty;
                yield return RuleContext.Finding(
                    service,
                    $"addresses[{item.Index}]",
                    $"'{item.Text}' matches every {family} address{how} ({RuleContext.Describe(service)})");
            }

            foreach (var item in reached.Where(r => !r.ViaIpv6 && r.Range.PrefixLength > 0 && PolicyAddresses.IsIstioWildcard(r.Text, r.Range) && reported.Add(r.Index)))
            {
                var how = item.Text.Contains('/', StringComparison.Ordinal)
                    ? "Istio drops a range whose address is 0.0.0.0 from the filter chain's match, so the chain takes every destination of the port"
                    : "Istio binds the port's listener to this address, which is the wildcard listener of the port";
                yield return RuleContext.Finding(
                    service,
                    $"addresses[{item.Index}]",
                    $"'{item.Text}' is the unspecified address: {how} ({RuleContext.Describe(service)})");
            }

            foreach (var run in PolicyAddresses.Union(reached))
            {
                var whole = run.Range.IsIPv6 ? UInt128.MaxValue : PolicyAddresses.SizeOf(32, 0);
                if (run.Size >= whole && run.Items.Count > 1 && run.Items.All(i => !reported.Contains(i.Index)))
                {
                    var first = run.Items.Min(i => i.Index);
                    var list = string.Join(", ", run.Items.Select(i => i.Text).Distinct(StringComparer.Ordinal));
                    reported.UnionWith(run.Items.Select(i => i.Index));
                    yield return RuleContext.Finding(
                        service,
                        $"addresses[{first}]",
                        $"together, {list} match every {(run.Range.IsIPv6 ? "IPv6" : "IPv4")} address ({RuleContext.Describe(service)})");
                }
            }
        }
    }
}
