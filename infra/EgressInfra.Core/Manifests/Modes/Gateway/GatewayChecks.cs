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

        foreach (var finding in PerHostGrants(egress))
        {
            yield return finding;
        }

        foreach (var service in egress.Services)
        {
            var problems = service.BypassGateway ? BypassProblems(service) : RoutingProblems(service);
            foreach (var problem in problems)
            {
                yield return problem;
            }
        }

        foreach (var destination in GatewayDestination.Of(egress).Where(d => d.Name == gateway.Service))
        {
            yield return EnforcementCodes.ReservedObjectName.Create(
                Path(destination.Service, "name"),
                $"the objects of {destination.Host} would be named '{destination.Name}', the name of the gateway's own DestinationRule and AuthorizationPolicy in '{gateway.Namespace}'");
        }
    }

    /// <summary>
    /// The gateway authorizes by host (SNI or Host header), not by port: the port its policy could see
    /// is the gateway pod's, not the one the client dialled. So a host granted to different namespaces
    /// on different ports (in one service or across services) is open to all of them on every port.
    /// </summary>
    public static IEnumerable<Diagnostic> PerHostGrants(EgressConfig egress)
    {
        ArgumentNullException.ThrowIfNull(egress);
        foreach (var destination in GatewayDestination.Of(egress))
        {
            var first = destination.Services[0];
            var firstNamespaces = string.Join(", ", first.Namespaces.Order(StringComparer.Ordinal));
            foreach (var other in destination.Services.Skip(1))
            {
                var namespaces = string.Join(", ", other.Namespaces.Order(StringComparer.Ordinal));
                if (namespaces != firstNamespaces)
                {
                    yield return EnforcementCodes.GatewayAuthorizesPerHost.Create(
                        Path(other, "namespaces"),
                        $"{destination.Host} is granted to {namespaces} by {other.Name} and to {firstNamespaces} by {first.Name}; through the egress gateway each of these namespaces reaches it on the ports of both");
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
