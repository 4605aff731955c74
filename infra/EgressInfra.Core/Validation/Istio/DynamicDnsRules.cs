using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Validation.Istio.Syntax;

namespace EgressInfra.Core.Validation.Istio;

/// <summary>Resolution DYNAMIC_DNS (Istio 1.28+; rules 33–38 as of 1.30).</summary>
internal static class DynamicDnsRules
{
    public const string UseWaypointLabel = "istio.io/use-waypoint";

    public static void Check(EntryContext context)
    {
        var spec = context.Spec;

        // Istio ValidateServiceEntry: at least one wildcard host must be provided for resolution type DYNAMIC_DNS (rule 33).
        if (spec.Hosts.Count == 0)
        {
            context.Report(IstioCodes.DynamicDnsHostsMissing, SpecPaths.Hosts, "resolution DYNAMIC_DNS needs at least one wildcard host, but there are no hosts", "add a wildcard host such as '*.example.com'");
        }

        // Istio ValidateServiceEntry: host must be wildcarded for resolution mode DYNAMIC_DNS (rule 34); "*foo.com" passes.
        for (var i = 0; i < spec.Hosts.Count; i++)
        {
            var host = spec.Hosts[i];
            if (host.Length == 0 || host[0] != '*')
            {
                context.Report(
                    IstioCodes.DynamicDnsHostNotWildcard,
                    SpecPaths.Host(i),
                    $"host '{host}' does not start with '*', which resolution DYNAMIC_DNS requires",
                    host.Contains('.', StringComparison.Ordinal)
                        ? $"use a wildcard such as '*.{host[(host.IndexOf('.', StringComparison.Ordinal) + 1)..]}', or resolution: DNS for exact hosts"
                        : "use a wildcard host such as '*.example.com', or resolution: DNS for exact hosts");
            }
        }

        // Istio ValidateServiceEntry: addresses cannot be set for resolution type DYNAMIC_DNS (rule 35).
        if (spec.Addresses.Count != 0)
        {
            context.Report(IstioCodes.DynamicDnsAddresses, SpecPaths.Addresses, "resolution DYNAMIC_DNS takes no addresses; routes come from the host names only", "remove addresses, or use resolution: NONE to match by address");
        }

        // Istio ValidateServiceEntry: endpoints cannot be set for resolution type DYNAMIC_DNS (rule 36).
        if (spec.Endpoints.Count != 0)
        {
            context.Report(IstioCodes.DynamicDnsEndpoints, SpecPaths.Endpoints, "resolution DYNAMIC_DNS takes no endpoints; the destination is resolved from each request's host name", "remove endpoints, or use resolution: DNS or STATIC to name backends");
        }

        // Istio ValidateServiceEntry: only HTTP, TLS, GRPC, and HTTP2 protocols are supported for DYNAMIC_DNS (rule 37).
        for (var i = 0; i < context.Protocols.Length; i++)
        {
            var protocol = context.Protocols[i];
            if (protocol is not (IstioProtocol.Http or IstioProtocol.Tls or IstioProtocol.Grpc or IstioProtocol.Http2))
            {
                var written = spec.Ports[i].Protocol;
                context.Report(
                    IstioCodes.DynamicDnsProtocol,
                    SpecPaths.Port(i, "protocol"),
                    string.IsNullOrEmpty(written)
                        ? $"port {spec.Ports[i].Number} has no protocol, but resolution DYNAMIC_DNS needs HTTP, TLS, GRPC or HTTP2"
                        : $"port {spec.Ports[i].Number} has protocol {written}, but resolution DYNAMIC_DNS supports only HTTP, TLS, GRPC and HTTP2",
                    protocol == IstioProtocol.Https
                        ? "use protocol TLS for HTTPS traffic that the sidecar passes through"
                        : "set the protocol to HTTP, TLS, GRPC or HTTP2, or use another resolution");
            }
        }

        // Istio ValidateServiceEntry (rule 38): MESH_INTERNAL only without a waypoint (label set and not "none").
        if (context.Location == IstioLocation.MeshInternal
            && context.Labels.TryGetValue(UseWaypointLabel, out var waypoint)
            && waypoint.Length != 0
            && !GoText.EqualFold(waypoint, "none"))
        {
            context.Report(
                IstioCodes.DynamicDnsMeshInternalWaypoint,
                SpecPaths.Location,
                $"location MESH_INTERNAL with resolution DYNAMIC_DNS is not supported when the entry uses waypoint '{waypoint}' ({UseWaypointLabel})",
                $"use location: MESH_EXTERNAL, or remove the {UseWaypointLabel} label");
        }
    }
}
