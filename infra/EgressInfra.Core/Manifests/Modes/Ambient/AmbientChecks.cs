using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Manifests.Modes.Ambient;

/// <summary>
/// What the ambient path ignores or cannot carry, judged on the model before anything is built. Each
/// rule follows Istio's code: ztunnel ignores exportTo; no address is allocated for a wildcard host
/// unless its resolution is DYNAMIC_DNS; the waypoint builds no listener for UDP ports, and does not
/// serve a host without an address.
/// </summary>
public static class AmbientChecks
{
    public static IEnumerable<Diagnostic> Check(EgressConfig egress)
    {
        ArgumentNullException.ThrowIfNull(egress);
        var ambient = egress.Ambient;
        var findings = new List<Diagnostic>();
        if (egress.Namespaces.Contains(ambient.Namespace, StringComparer.Ordinal))
        {
            findings.Add(AmbientCodes.EgressNamespaceGoverned.Create("egress.ambient.namespace", $"the egress namespace '{ambient.Namespace}' is also a governed namespace"));
        }

        if (ambient.IsCrossNamespace && egress.Namespaces.Contains(ambient.WaypointNamespace, StringComparer.Ordinal))
        {
            findings.Add(AmbientCodes.EgressNamespaceGoverned.Create("egress.ambient.waypointNamespace", $"the waypoint's namespace '{ambient.WaypointNamespace}' is also a governed namespace"));
        }

        if (ambient.IsCrossNamespace)
        {
            findings.Add(AmbientCodes.CrossNamespaceWaypoint.Create(
                "egress.ambient.waypointNamespace",
                $"the entries in '{ambient.Namespace}' bind to the waypoint {ambient.WaypointName} in another namespace"));
        }

        var sources = AmbientNames.SourcesPolicy(ambient.Waypoint);
        if (ambient.WaypointNamespace == ambient.Namespace && AmbientModeBuilder.Granted(egress).FirstOrDefault(s => s.Name == sources) is { } clash)
        {
            findings.Add(AmbientCodes.ReservedObjectName.Create(
                clash.Preset is null ? $"{clash.SourcePath}.name" : clash.SourcePath,
                $"'{sources}' is the name of the waypoint's AuthorizationPolicy in '{ambient.Namespace}'"));
        }

        foreach (var service in egress.Services)
        {
            findings.AddRange(CheckService(service));
        }

        return findings;
    }

    private static IEnumerable<Diagnostic> CheckService(ExternalService service)
    {
        var at = (string field) => service.Preset is null ? $"{service.SourcePath}.{field}" : service.SourcePath;
        if (service.Namespaces.Count == 0)
        {
            yield break;
        }

        if (service.BypassGateway && service.Preset is null)
        {
            yield return EnforcementCodes.SettingWithoutEffect.Create(at("bypassGateway"), "bypassGateway has no effect in mode ambient: every entry is bound to the waypoint");
        }

        if (!(service.ExportTo.Count == 1 && service.ExportTo[0] == "."))
        {
            yield return AmbientCodes.ExportToIgnored.Create(
                at("exportTo"),
                $"{service.Name} sets exportTo [{string.Join(", ", service.ExportTo)}], which ztunnel and the waypoint ignore; its callers are limited by its AuthorizationPolicy ({string.Join(", ", service.Namespaces)})");
        }

        var hasTls = service.Ports.Any(p => p.Protocol is ServiceProtocol.Tls or ServiceProtocol.Https);
        for (var i = 0; i < service.Hosts.Count; i++)
        {
            var host = service.Hosts[i];
            if (!host.StartsWith('*'))
            {
                continue;
            }

            if (service.Resolution != ServiceResolution.DynamicDns)
            {
                yield return AmbientCodes.WildcardNotCaptured.Create(
                    at($"hosts[{i}]"),
                    $"'{host}' is a wildcard with resolution {service.Resolution.Name()}: Istio allocates it no address, so ztunnel does not send its traffic to the waypoint");
            }
            else if (hasTls)
            {
                yield return AmbientCodes.WildcardTlsNeedsFlag.Create(
                    at($"hosts[{i}]"),
                    $"'{host}' is a DYNAMIC_DNS wildcard on a TLS port: the waypoint serves it only with ENABLE_WILDCARD_HOST_SERVICE_ENTRIES_FOR_TLS=true on istiod");
            }
        }

        for (var i = 0; i < service.Ports.Count; i++)
        {
            if (service.Ports[i].Protocol == ServiceProtocol.Udp)
            {
                yield return AmbientCodes.UdpNotCarried.Create(
                    at($"ports[{i}].protocol"),
                    $"port {service.Ports[i].Number} of {service.Name} is UDP: ztunnel and the waypoint carry TCP only");
            }
        }

        if (service.Resolution == ServiceResolution.None && service.Addresses.Count == 0)
        {
            yield return AmbientCodes.NoAddressToCapture.Create(
                at("resolution"),
                $"{service.Name} has resolution NONE and no addresses: the waypoint does not serve a host without an address, so its traffic skips the waypoint");
        }
    }
}
