using System.Globalization;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>
/// Address ranges no broader than the policy's prefix limits (default /24 and /64): a range is a
/// promise about who is behind it, and the broader it is, the less the promise holds. The limit holds
/// for what a service reaches as a whole: 256 adjacent /24s are a /16, and an IPv6 form of an IPv4
/// range (<c>::ffff:10.0.0.0/104</c>) is held to the IPv4 limit.
/// </summary>
public sealed class AddressPrefixLimitRule : IProfileRule
{
    public string Id => "address-prefix-limit";

    public DiagnosticDescriptor Descriptor => PolicyCodes.AddressPrefixLimit;

    public bool IsPerService => true;

    public IEnumerable<RuleFinding> Check(RuleContext context)
    {
        var limits = context.Parameters;
        foreach (var service in context.Services)
        {
            var reached = PolicyAddresses.Of(service);
            var broad = new List<(int Index, string Message)>();
            foreach (var item in reached)
            {
                var limit = item.Range.IsIPv6 ? limits.MaxIpv6Prefix : limits.MaxIpv4Prefix;
                if (item.Range.PrefixLength < limit && !broad.Any(b => b.Index == item.Index))
                {
                    var view = item.ViaIpv6 ? $" (it reaches the IPv4 range {item.Range.Canonical})" : string.Empty;
                    broad.Add((item.Index, string.Create(CultureInfo.InvariantCulture, $"'{item.Text}'{view} is broader than the allowed /{limit}")));
                }
            }

            foreach (var run in PolicyAddresses.Union(reached))
            {
                var bits = run.Range.IsIPv6 ? 128 : 32;
                var limit = run.Range.IsIPv6 ? limits.MaxIpv6Prefix : limits.MaxIpv4Prefix;
                if (run.Items.Count < 2 || run.Size <= PolicyAddresses.SizeOf(bits, limit) || run.Items.Any(i => broad.Any(b => b.Index == i.Index)))
                {
                    continue;
                }

                var first = run.Items.Min(i => i.Index);
                var list = string.Join(", ", run.Items.Select(i => i.Text).Distinct(StringComparer.Ordinal));
                broad.Add((first, string.Create(
                    CultureInfo.InvariantCulture,
                    $"together, {list} cover {run.Size:N0} adjacent addresses (as much as a /{run.Range.PrefixLength}), broader than the allowed /{limit}")));
            }

            if (service.Preset is not null && broad.Count > 0)
            {
                // All of a preset's addresses map to one line of the stack file: one finding says it all.
                yield return RuleContext.Finding(
                    service,
                    "addresses",
                    string.Create(CultureInfo.InvariantCulture, $"{RuleContext.Describe(service)} has ranges broader than /{limits.MaxIpv4Prefix} (IPv4) or /{limits.MaxIpv6Prefix} (IPv6): {string.Join("; ", broad.Select(b => b.Message))}"));
                continue;
            }

            foreach (var (index, message) in broad.OrderBy(b => b.Index))
            {
                yield return RuleContext.Finding(
                    service,
                    string.Create(CultureInfo.InvariantCulture, $"addresses[{index}]"),
                    $"{message} ({RuleContext.Describe(service)})");
            }
        }
    }
}
