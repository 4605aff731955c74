using EgressInfra.Core.Analysis;
using System.Globalization;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>
/// Address ranges no broader than the policy's prefix limits (default /24 and /64): a range is a
/// promise about who is behind it, and the broader it is, the less the promise holds.
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
            var broad = new List<(int Index, string Text, int Limit)>();
            for (var i = 0; i < service.Addresses.Count; i++)
            {
                if (!AddressRange.TryParse(service.Addresses[i], out var range))
                {
                    continue;
                }

                var limit = range.IsIPv6 ? limits.MaxIpv6Prefix : limits.MaxIpv4Prefix;
                if (range.PrefixLength < limit)
                {
                    broad.Add((i, service.Addresses[i], limit));
                }
            }

            if (service.Preset is not null && broad.Count > 0)
            {
                // All of a preset's addresses map to one line of the stack file: one finding says it all.
                var list = string.Join(", ", broad.Select(b => b.Text));
                yield return RuleContext.Finding(
                    service,
                    "addresses",
                    string.Create(CultureInfo.InvariantCulture, $"{RuleContext.Describe(service)} has ranges broader than /{limits.MaxIpv4Prefix} (IPv4) or /{limits.MaxIpv6Prefix} (IPv6): {list}"));
                continue;
            }

            foreach (var (index, text, limit) in broad)
            {
                yield return RuleContext.Finding(
                    service,
                    string.Create(CultureInfo.InvariantCulture, $"addresses[{index}]"),
                    string.Create(CultureInfo.InvariantCulture, $"'{text}' is broader than the allowed /{limit} ({RuleContext.Describe(service)})"));
            }
        }
    }
}
