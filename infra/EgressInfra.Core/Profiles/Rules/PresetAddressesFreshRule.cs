using System.Globalization;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>
/// A preset's address ranges were compared with their source recently enough. Providers change them
/// ("We make changes to our IP addresses from time to time", GitHub); stale ranges fail silently.
/// </summary>
public sealed class PresetAddressesFreshRule : IProfileRule
{
    public string Id => "preset-addresses-fresh";

    public DiagnosticDescriptor Descriptor => PolicyCodes.PresetAddressesFresh;

    public bool IsPerService => true;

    public IEnumerable<RuleFinding> Check(RuleContext context)
    {
        var maxAge = context.Parameters.PresetAddressMaxAgeDays;
        foreach (var reference in context.Config.Egress.Presets)
        {
            if (context.Presets.Find(reference.Name) is not { } preset)
            {
                continue;
            }

            foreach (var service in preset.Services)
            {
                if (service.AddressesVerifiedOn is not { } verified)
                {
                    continue;
                }

                var age = context.Today.DayNumber - verified.DayNumber;
                if (age > maxAge)
                {
                    var source = service.AddressesSource is null ? string.Empty : $" against {service.AddressesSource}";
                    yield return new RuleFinding(
                        reference.SourcePath,
                        string.Create(CultureInfo.InvariantCulture, $"the addresses of the preset '{preset.Name}' were last verified{source} on {verified:yyyy-MM-dd}, {age} days ago (limit {maxAge}); the provider may have changed them (catalog {context.Presets.Version})"),
                        preset.ServiceName(service),
                        preset.Name);
                }
            }
        }
    }
}
