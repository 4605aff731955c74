using System.Globalization;
using EgressInfra.Core.Config;
using EgressInfra.Core.Manifests.Modes;
using EgressInfra.Core.Manifests.Modes.Gateway;
using EgressInfra.Core.Posture;

namespace EgressInfra.Core.Explain;

/// <summary>
/// Adds what gateway mode changes to an explanation: the hops an allowed connection takes (sidecar,
/// VirtualService, Gateway, AuthorizationPolicy, destination), or for a denied one what each layer
/// does to a pod that tries anyway, and the namespace's posture in every mode.
/// </summary>
public static class GatewayPath
{
    public static Explanation Annotate(StackConfig config, Explanation answer)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(answer);
        var egress = config.Egress;
        var posture = ModeBuilders.For(egress.Mode).Postures(egress).FirstOrDefault(p => p.Namespace == answer.Query.Namespace);
        answer = answer with { Posture = posture?.Name };
        if (egress.Mode != EgressMode.Gateway || answer.Outcome == ExplainOutcome.NotGoverned)
        {
            return answer;
        }

        var service = answer.Match is { } m ? egress.Services.FirstOrDefault(s => s.Name == m.Service) : null;
        var fenced = egress.NetworkPolicy.Enabled;
        var notes = answer.Notes.ToList();
        if (answer.Allowed && service is not null && answer.Outcome == ExplainOutcome.Declared)
        {
            return service.BypassGateway
                ? answer with { Via = Direct(service, fenced) }
                : answer with { Via = Hops(egress, service, answer), Notes = [.. notes, .. Incomplete(egress.Gateway, answer)] };
        }

        if (answer.Allowed)
        {
            return answer;
        }

        // Denied by the sidecar; the gateway and the NetworkPolicy stop the ways around it.
        notes.Add(fenced
            ? "a pod that goes around its sidecar (UID 1337, no injection, hostNetwork, excludeOutbound annotations) and connects directly waits until it times out: the namespace's NetworkPolicy drops the packets (`curl: (28) Connection timed out`), where the cluster's CNI enforces NetworkPolicy"
            : "a pod that goes around its sidecar reaches the destination directly: networkPolicy is not enabled, so nothing below the sidecar stops it");
        notes.Add($"a pod that reaches the egress gateway without a grant for {answer.Query.Host} is refused by the AuthorizationPolicy {egress.Gateway.Namespace}/{egress.Gateway.Service}: HTTP 403 `RBAC: access denied` for HTTP, the connection closed for TLS and TCP (access log response flag or RBAC counter `rbac.denied`)");
        return answer with { Notes = notes };
    }

    /// <summary>The hops of an allowed connection through the gateway, first to last.</summary>
    private static List<string> Hops(EgressConfig egress, ExternalService service, Explanation answer)
    {
        var gateway = egress.Gateway;
        var host = service.Hosts.Contains(answer.Query.Host, StringComparer.Ordinal) ? answer.Query.Host : service.Hosts[0];
        var name = GatewayDestination.Of(egress).FirstOrDefault(d => d.Host == host)?.Name ?? service.Name;
        var port = service.Ports.First(p => p.Number == answer.Query.Port);
        var kind = GatewayPortKinds.Of(port.Protocol);
        var hops = new List<string>
        {
            $"sidecar of {answer.Query.Namespace}: VirtualService {gateway.Namespace}/{name} (gateway mesh) sends {host}:{port.Number} to {gateway.ServiceHost}:{port.Number}, subset {name}, over ISTIO_MUTUAL with SNI {host} (DestinationRule {gateway.Namespace}/{gateway.Service})",
            $"egress gateway ({Selector(gateway)}): Gateway {gateway.Namespace}/{name} accepts SNI {host} on port {port.Number} ({kind.ServerProtocol()}, ISTIO_MUTUAL) and learns the caller's namespace from its certificate",
            kind == GatewayPortKind.Http
                ? $"AuthorizationPolicy {gateway.Namespace}/{gateway.Service} allows {answer.Query.Namespace} for Host {host} (connection.sni {host})"
                : $"AuthorizationPolicy {gateway.Namespace}/{gateway.Service} allows {answer.Query.Namespace} for connection.sni {host}",
            port.OriginateTls
                ? string.Create(CultureInfo.InvariantCulture, $"VirtualService {gateway.Namespace}/{name} (gateway {gateway.Namespace}/{name}) routes to {host}:{port.Number}; DestinationRule {gateway.Namespace}/{name} opens TLS (SIMPLE, SNI {host}) to port {port.DestinationPort}")
                : string.Create(CultureInfo.InvariantCulture, $"VirtualService {gateway.Namespace}/{name} (gateway {gateway.Namespace}/{name}) routes to {host}:{port.DestinationPort}{(kind == GatewayPortKind.Http ? string.Empty : ", the client's own bytes passed through")}"),
        };
        if (egress.NetworkPolicy.Enabled)
        {
            hops.Add($"NetworkPolicy {answer.Query.Namespace}/{ModeNames.NetworkPolicy} lets the namespace's pods reach only DNS, istiod, the mesh it imports and the gateway's pods, so this is the only way out");
        }

        return hops;
    }

    private static string[] Direct(ExternalService service, bool fenced)
    {
        var ports = string.Join(", ", DirectDestinations.Ports(service).Select(DirectDestinations.Describe));
        var addresses = DirectDestinations.Cidrs(service) is { } cidrs ? string.Join(", ", cidrs) : "its addresses";
        return
        [
            $"directly, not through the egress gateway: {service.Name} sets bypassGateway ({service.SourcePath})",
            fenced
                ? $"the NetworkPolicy lets it out to {addresses} on {ports} only; no per-namespace authorization applies"
                : "networkPolicy is not enabled: only the sidecar checks this destination",
        ];
    }

    /// <summary>What a pod sees when the path exists in config but not in the cluster.</summary>
    private static IEnumerable<string> Incomplete(GatewayConfig gateway, Explanation answer)
    {
        yield return $"if the egress gateway is not running or its Service {gateway.Namespace}/{gateway.Service} has no port {answer.Query.Port}, the sidecar finds no endpoint: HTTP 503 with response flag UH (no healthy upstream), a reset for TLS and TCP";
        yield return $"if the gateway has no route for the host (the Gateway or VirtualService missing or not yet applied), it answers HTTP 404 with response flag NR (a closed connection for TLS and TCP)";
    }

    private static string Selector(GatewayConfig gateway) =>
        string.Join(", ", gateway.Selector.Select(kv => $"{kv.Key}={kv.Value}"));
}
