using System.Net;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>
/// Ranges written from their network address. Istio accepts <c>10.0.0.1/8</c> (Go's netip keeps host
/// bits), but the entry then covers 10.0.0.0/8: usually a typo for a single address or a /32, and
/// a range far wider than its author meant.
/// </summary>
public sealed class CanonicalRangesRule : IProfileRule
{
    public string Id => "canonical-ranges";

    public DiagnosticDescriptor Descriptor => PolicyCodes.CanonicalRanges;

    public bool IsPerService => true;

    public IEnumerable<RuleFinding> Check(RuleContext context)
    {
        foreach (var service in context.Services)
        {
            for (var i = 0; i < service.Addresses.Count; i++)
            {
                var text = service.Addresses[i];
                if (!text.Contains('/', StringComparison.Ordinal) || !IpRange.TryParse(text, out var range))
                {
                    continue;
                }

                var network = NetworkAddress(range);
                if (!network.Equals(range.Network))
                {
                    yield return RuleContext.Finding(
                        service,
                        $"addresses[{i}]",
                        $"'{text}' has host bits set: it covers {network}/{range.PrefixLength} ({RuleContext.Describe(service)})");
                }
            }
        }
    }

    private static IPAddress NetworkAddress(IpRange range)
    {
        var bytes = range.Network.GetAddressBytes();
        for (var bit = range.PrefixLength; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes);
    }
}
