using EgressInfra.Core.Analysis;
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
                if (AddressRange.TryParse(text, out var range) && range.HasHostBits)
                {
                    yield return RuleContext.Finding(
                        service,
                        $"addresses[{i}]",
                        $"'{text}' has host bits set: it covers {range.Canonical} ({RuleContext.Describe(service)})");
                }
            }
        }
    }
}
