using EgressInfra.Core.Analysis;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Presets;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>
/// No package manager, container registry or source repository, whether listed as a preset or
/// written by hand (by host, or by an address inside such a preset's ranges): production pods do
/// not update libraries or fetch code at run time.
/// </summary>
public sealed class NoPackageSourcesRule : IProfileRule
{
    public string Id => "no-package-sources";

    public DiagnosticDescriptor Descriptor => PolicyCodes.NoPackageSources;

    public bool IsPerService => true;

    public IEnumerable<RuleFinding> Check(RuleContext context)
    {
        foreach (var reference in context.Config.Egress.Presets)
        {
            if (context.Presets.Find(reference.Name) is { } preset && preset.Category.FetchesCode())
            {
                yield return new RuleFinding(
                    reference.SourcePath,
                    $"the preset '{preset.Name}' is a {preset.Category.Name()}: pods could update libraries or fetch code at run time",
                    Preset: preset.Name);
            }
        }

        var sourceRanges = context.Presets.Presets
            .Where(p => p.Category.FetchesCode())
            .SelectMany(p => p.Services.SelectMany(s => s.Addresses.Select(a => (Preset: p, Address: a))))
            .Select(x => (x.Preset, Parsed: AddressRange.TryParse(x.Address, out var r) ? r : (AddressRange?)null))
            .Where(x => x.Parsed is not null)
            .Select(x => (x.Preset, Range: x.Parsed!.Value))
            .ToList();

        foreach (var service in context.Services.Where(s => s.Preset is null))
        {
            var named = false;
            for (var i = 0; i < service.Hosts.Count; i++)
            {
                if (context.Presets.PackageSourceFor(service.Hosts[i]) is { } domain)
                {
                    named = true;
                    yield return RuleContext.Finding(
                        service,
                        $"hosts[{i}]",
                        $"'{service.Hosts[i]}' is a package or source host (under {domain}): pods could update libraries or fetch code at run time");
                }
            }

            // The addresses count only when no host gave the service away (a TCP entry with a made-up host).
            for (var i = 0; i < service.Addresses.Count && !named; i++)
            {
                if (!AddressRange.TryParse(service.Addresses[i], out var range))
                {
                    continue;
                }

                var match = sourceRanges.FirstOrDefault(s => s.Range.Overlaps(range));
                if (match.Preset is not null)
                {
                    yield return RuleContext.Finding(
                        service,
                        $"addresses[{i}]",
                        $"'{service.Addresses[i]}' overlaps {match.Range}, an address range of the {match.Preset.Category.Name()} preset '{match.Preset.Name}'");
                }
            }
        }
    }
}
