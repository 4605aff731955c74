using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Manifests.Modes.Gateway;

/// <summary>
/// What gateway mode cannot build: destinations the gateway cannot reach on the client's behalf
/// (wildcards, UDP, NONE without exact addresses, in-mesh services), bypasses a NetworkPolicy cannot
/// express, a gateway inside a governed namespace, and object names that would collide.
/// </summary>
public static class GatewayChecks
{
    public static IEnumerable<Diagnostic> Check(EgressConfig egress)
    {
        ArgumentNullException.ThrowIfNull(egress);
        var gateway = egress.Gateway;
        if (egress.Namespaces.Contains(gateway.Namespace, StringComparer.Ordinal))
        {
            yield return EnforcementCodes.GatewayNamespaceGoverned.Create(
                "egress.gateway.namespace",
                $"the egress gateway runs in '{gateway.Namespace}', which is also a governed namespace");
        }

        foreach (var service in egress.Services)
        {
            var problems = service.BypassGateway ? BypassProblems(service) : RoutingProblems(service);
            foreach (var problem in problems)
            {
                yield return problem;
            }

            for (var i = 0; i < service.Hosts.Count && !service.BypassGateway; i++)
            {
                if (ModeNames.Destination(service, i) == gateway.Service)
                {
                    yield return EnforcementCodes.ReservedObjectName.Create(
                        Path(service, "name"),
                        $"'{gateway.Service}' names the gateway's own DestinationRule and AuthorizationPolicy in '{gateway.Namespace}'");
                }
            }
        }
    }

    private static IEnumerable<Diagnostic> RoutingProblems(ExternalService service)
    {
        var fix = "Set bypassGateway: true with exact addresses to reach it directly (a finding under the restrictive profile), or change the service.";
        for (var i = 0; i < service.Hosts.Count; i++)
        {
            if (service.Hosts[i].Contains('*', StringComparison.Ordinal))
            {
                yield return EnforcementCodes.CannotRouteThroughGateway.Create(
                    Path(service, $"hosts[{i}]"),
                    $"{service.Name}: the egress gateway cannot route the wildcard host '{service.Hosts[i]}': it forwards to one named destination per host",
                    $"List the exact host names. {fix}");
            }
        }

        for (var i = 0; i < service.Ports.Count; i++)
        {
            if (GatewayPortKinds.Of(service.Ports[i].Protocol) == GatewayPortKind.Unsupported)
            {
                yield return EnforcementCodes.CannotRouteThroughGateway.Create(
                    Path(service, $"ports[{i}].protocol"),
                    $"{service.Name}: the egress gateway does not carry UDP (port {service.Ports[i].Number})",
                    fix);
            }
        }

        if (service.Location == ServiceLocation.MeshInternal)
        {
            yield return EnforcementCodes.CannotRouteThroughGateway.Create(
                Path(service, "location"),
                $"{service.Name} is MESH_INTERNAL: its endpoints are in the mesh and are reached directly, not through the egress gateway",
                fix);
        }

        if (service.Resolution == ServiceResolution.None && !DirectDestinations.AreExact(service) && !service.Hosts.Any(h => h.Contains('*', StringComparison.Ordinal)))
        {
            yield return EnforcementCodes.CannotRouteThroughGateway.Create(
                Path(service, "resolution"),
                $"{service.Name} has resolution NONE without exact addresses: the gateway would forward to the address it was itself called on",
                $"Use resolution DNS, or list the destination's exact addresses (a single IP or /32). {fix}");
        }
    }

    private static IEnumerable<Diagnostic> BypassProblems(ExternalService service)
    {
        if (!DirectDestinations.AreExact(service))
        {
            yield return EnforcementCodes.BypassNeedsAddresses.Create(
                Path(service, "bypassGateway"),
                $"{service.Name} bypasses the gateway, but its destination addresses are not known exactly (resolution {service.Resolution.Name()}, addresses [{string.Join(", ", service.Addresses)}])");
        }
    }

    private static string Path(ExternalService service, string field) =>
        service.Preset is null ? $"{service.SourcePath}.{field}" : service.SourcePath;
}
