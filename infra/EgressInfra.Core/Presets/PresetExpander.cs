using EgressInfra.Core.Collections;
using EgressInfra.Core.Config;

namespace EgressInfra.Core.Presets;

/// <summary>
/// Turns a listed preset into ordinary services, so that everything after binding (Istio's rules,
/// analysis, the profile) judges them exactly as if they had been written by hand.
/// </summary>
public static class PresetExpander
{
    /// <param name="governed">The stack's governed namespaces: who uses the preset when the reference names none.</param>
    public static IEnumerable<ExternalService> Expand(Preset preset, PresetReference reference, IReadOnlyList<string> governed)
    {
        var namespaces = reference.Namespaces.Count > 0 ? reference.Namespaces : governed.ToValueList();
        foreach (var service in preset.Services)
        {
            yield return new ExternalService(
                preset.ServiceName(service),
                service.Hosts.Select(h => Fill(h, reference.Region)).ToValueList(),
                service.Addresses,
                service.Ports,
                service.Resolution,
                ServiceLocation.MeshExternal,
                ValueList.Of("."),
                namespaces,
                ValueList<EndpointConfig>.Empty,
                ValueList<string>.Empty,
                reference.Owner,
                reference.Reason,
                reference.SourcePath,
                preset.Name);
        }
    }

    private static string Fill(string host, string? region) =>
        region is null ? host : host.Replace(Preset.RegionPlaceholder, region, StringComparison.Ordinal);
}
