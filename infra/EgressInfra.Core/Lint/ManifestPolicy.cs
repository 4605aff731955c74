using EgressInfra.Core.Collections;
using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Presets;
using EgressInfra.Core.Profiles;
using EgressInfra.Core.Profiles.Rules;

namespace EgressInfra.Core.Lint;

/// <summary>
/// The restrictive profile's per-entry rules applied to ServiceEntries read from files: each entry is
/// seen as the service it declares, with the document as its source (<c>spec</c>), so every finding
/// lands on the manifest field at fault. Rules about a stack (registry-only, imports), about its
/// bookkeeping (owner-and-reason, preset freshness) or about its namespaces (export-to-users-only) do
/// not apply to a loose manifest.
/// </summary>
public static class ManifestPolicy
{
    private static readonly HashSet<string> NotForManifests = new(StringComparer.Ordinal)
    {
        "registry-only", "imports-show-exports", "owner-and-reason", "preset-addresses-fresh", "export-to-users-only",
    };

    /// <summary>Findings per entry index, as errors (the rules are mandatory in the restrictive profile).</summary>
    public static IReadOnlyList<(int Index, Diagnostic Finding)> Check(IReadOnlyList<ServiceEntry> entries, TlsOrigination? origination = null)
    {
        var result = new List<(int, Diagnostic)>();
        var profile = ProfileCatalog.Shipped.Find(LintOptions.RestrictiveProfile)!;
        var namespaces = entries.Select(e => e.Metadata.Namespace ?? ManifestLinter.DefaultNamespace).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToValueList();
        for (var i = 0; i < entries.Count; i++)
        {
            var service = AsService(entries[i], origination ?? TlsOrigination.Empty);
            var egress = new EgressConfig(OutboundTrafficPolicy.RegistryOnly, namespaces, new[] { service }.ToValueList(), ValueList<string>.Empty);
            var config = new StackConfig(DeploymentEnvironment.Prod, profile.Name, egress, new KubernetesTarget(null, null, null));
            var context = new RuleContext(config, new EgressManifests([]), profile.Parameters, PresetCatalog.Shipped, DateOnly.MinValue);
            foreach (var rule in ProfileRules.All.Where(r => !NotForManifests.Contains(r.Id) && profile.Level(r.Id) == EnforcementLevel.Mandatory))
            {
                foreach (var finding in rule.Check(context))
                {
                    result.Add((i, rule.Descriptor.Create(finding.Path, $"{finding.Message} (restrictive profile)", severity: Severity.Error)));
                }
            }
        }

        return result;
    }

    private static ExternalService AsService(ServiceEntry entry, TlsOrigination origination)
    {
        var spec = entry.Spec;
        var ports = spec.Ports.Select(p => new ServicePortConfig(
            (int)Math.Clamp(p.Number, 0, 65535),
            p.Protocol is not null && IstioNames.Protocols.TryGetValue(p.Protocol, out var protocol) ? protocol : ServiceProtocol.Tcp,
            p.Name,
            p.TargetPort is { } t ? (int)Math.Clamp(t, 0, 65535) : null,
            OriginateTls: spec.Hosts.Count > 0 && spec.Hosts.All(h => origination.Covers(h, p.Number)))).ToValueList();
        var resolution = spec.Resolution is not null && IstioNames.Resolutions.TryGetValue(spec.Resolution, out var r) ? r : ServiceResolution.None;
        var location = spec.Location == "MESH_INTERNAL" ? ServiceLocation.MeshInternal : ServiceLocation.MeshExternal;
        var endpoints = spec.Endpoints.Select(e => new EndpointConfig(
            e.Address ?? string.Empty,
            e.Ports.Select(p => new KeyValuePair<string, int>(p.Key, (int)Math.Clamp(p.Value, 0, 65535))).ToValueMap(),
            e.Labels)).ToValueList();
        return new ExternalService(
            entry.Metadata.Name, spec.Hosts, spec.Addresses, ports, resolution, location, spec.ExportTo,
            ValueList<string>.Empty, endpoints, spec.SubjectAltNames, null, null, "spec");
    }
}
