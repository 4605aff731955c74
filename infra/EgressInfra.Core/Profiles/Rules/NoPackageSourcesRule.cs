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
            foreach (var item in named ? Array.Empty<PolicyAddresses.Reached>() : PolicyAddresses.Of(service))
            {
                var match = sourceRanges.FirstOrDefault(s => s.Range.Overlaps(item.Range));
                if (match.Preset is not null)
                {
                    var view = item.ViaIpv6 ? $" (it reaches the IPv4 range {item.Range.Canonical})" : string.Empty;
                    yield return RuleContext.Finding(
                        service,
                        $"addresses[{item.Index}]",
                        $"'{item.Text}'{view} overlaps {match.Range}, an address range of the {match.Preset.Category.Name()} preset '{match.Preset.Name}'");
                    break;
                }
            }

            // Endpoints carry the destination too: a DNS name or an IP behind an innocent host.
            for (var i = 0; i < service.Endpoints.Count; i++)
            {
                var address = service.Endpoints[i].Address;
                if (Analysis.AddressRange.TryParseIgnoringZone(address, out var range))
                {
                    var ranges = range.Ipv4View() is { } v4 ? new[] { range, v4 } : [range];
                    var match = sourceRanges.FirstOrDefault(s => ranges.Any(r => s.Range.Overlaps(r)));
                    if (match.Preset is not null)
                    {
                        yield return RuleContext.Finding(
                            service,
                            $"endpoints[{i}].address",
                            $"the endpoint '{address}' is inside {match.Range}, an address range of the {match.Preset.Category.Name()} preset '{match.Preset.Name}'");
                    }
                }
                else if (context.Presets.PackageSourceFor(address) is { } domain)
                {
                    yield return RuleContext.Finding(
                        service,
                        $"endpoints[{i}].address",
                        $"the endpoint '{address}' is a package or source host (under {domain}): traffic for {string.Join(", ", service.Hosts)} goes there");
                }
            }
        }
    }
}
