using EgressInfra.Core.Collections;
using EgressInfra.Core.Config;

namespace EgressInfra.Core.Manifests.Modes.Gateway;

/// <summary>
/// The routing objects of one destination, all in the gateway's namespace: a Gateway server per port
/// (ISTIO_MUTUAL, so the gateway knows the calling namespace), a VirtualService that sends the mesh's
/// traffic to the gateway's subset and the gateway's traffic to the host, and the ServiceEntry the
/// gateway resolves the host with.
/// </summary>
public static class GatewayRouting
{
    public static Manifests.Gateway Gateway(GatewayConfig gateway, GatewayDestination destination)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(destination);
        // The last step a loop, not a Select over OrderBy: see EgressManifests.Sorted on LINQ's generic
        // virtual calls at start-up.
        var servers = new List<GatewayServer>(destination.Ports.Count);
        foreach (var (number, kind) in destination.Ports.Select(p => (p.Number, Kind: GatewayPortKinds.Of(p.Protocol))).Distinct().OrderBy(p => p.Number))
        {
            servers.Add(new GatewayServer(
                new GatewayPort(number, kind.ServerProtocol(), $"{kind.ServerProtocol().ToLowerInvariant()}-{number}"),
                ValueList.Of($"./{destination.Host}"),
                new ServerTlsSettings("ISTIO_MUTUAL")));
        }

        return new Manifests.Gateway(
            TlsOrigination.Labelled(destination.Name, gateway.Namespace, destination.Service.Name),
            new GatewaySpec(gateway.Selector, servers.ToValueList()));
    }

    /// <summary>Exported to the namespaces granted the host and to the gateway's own namespace, nowhere else.</summary>
    public static VirtualService VirtualService(GatewayConfig gateway, GatewayDestination destination)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(destination);
        var gatewayRef = $"{gateway.Namespace}/{destination.Name}";
        var mesh = ValueList.Of(Manifests.VirtualService.MeshGateway);
        var atGateway = ValueList.Of(gatewayRef);
        var http = new List<HttpRoute>();
        var tls = new List<TlsRoute>();
        var tcp = new List<TcpRoute>();
        foreach (var port in destination.Ports)
        {
            long number = port.Number;
            var toGateway = ValueList.Of(new RouteDestination(new Destination(gateway.ServiceHost, destination.Name, number)));
            var toHost = ValueList.Of(new RouteDestination(new Destination(destination.Host, null, number)));
            switch (GatewayPortKinds.Of(port.Protocol))
            {
                case GatewayPortKind.Http:
                    http.Add(new HttpRoute(ValueList.Of(new HttpMatchRequest(mesh, number)), toGateway));
                    http.Add(new HttpRoute(ValueList.Of(new HttpMatchRequest(atGateway, number)), toHost));
                    break;
                case GatewayPortKind.Tls:
                    tls.Add(new TlsRoute(ValueList.Of(new TlsMatchAttributes(ValueList.Of(destination.Host), mesh, number)), toGateway));
                    tcp.Add(new TcpRoute(ValueList.Of(new L4MatchAttributes(atGateway, number)), toHost));
                    break;
                case GatewayPortKind.Opaque:
                    tcp.Add(new TcpRoute(ValueList.Of(new L4MatchAttributes(mesh, number)), toGateway));
                    tcp.Add(new TcpRoute(ValueList.Of(new L4MatchAttributes(atGateway, number)), toHost));
                    break;
            }
        }

        var exportTo = destination.Namespaces.Prepend(".").ToValueList();
        return new VirtualService(
            TlsOrigination.Labelled(destination.Name, gateway.Namespace, destination.Service.Name),
            new VirtualServiceSpec(
                ValueList.Of(destination.Host),
                ValueList.Of(Manifests.VirtualService.MeshGateway, gatewayRef),
                http.ToValueList(),
                tls.ToValueList(),
                tcp.ToValueList(),
                exportTo));
    }

    /// <summary>
    /// The gateway's own entry for the host, visible only in its namespace, with the ports of every
    /// service that lists the host. An entry with resolution NONE would send the gateway's traffic back
    /// to the address the gateway was called on, so it becomes STATIC with the service's exact
    /// addresses as endpoints.
    /// </summary>
    public static ServiceEntry ServiceEntry(GatewayConfig gateway, GatewayDestination destination)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(destination);
        var service = destination.Service with { Hosts = ValueList.Of(destination.Host), Ports = destination.Ports.ToValueList() };
        var built = ManifestBuilder.Canonical(ManifestBuilder.BuildServiceEntry(service, gateway.Namespace));
        var entry = built with { Metadata = built.Metadata with { Name = destination.Name } };
        var spec = entry.Spec with { ExportTo = ValueList.Of(".") };
        if (service.Resolution == ServiceResolution.None && DirectDestinations.Cidrs(service) is { } cidrs)
        {
            spec = spec with
            {
                Resolution = "STATIC",
                Endpoints = cidrs.Select(c => new WorkloadEntry(c[..c.IndexOf('/', StringComparison.Ordinal)], ValueMap<long>.Empty, ValueMap<string>.Empty)).ToValueList(),
            };
        }

        return entry with { Spec = spec };
    }

    /// <summary>
    /// The DestinationRule of the gateway's Service: a subset per destination whose mTLS handshake
    /// carries the destination's host as SNI, which selects the Gateway server and which the
    /// AuthorizationPolicy checks. Exported only to the namespaces that route through the gateway.
    /// </summary>
    /// <summary>TLS origination at the gateway for the host's <c>originateTls</c> ports, when it has any.</summary>
    public static DestinationRule? Origination(GatewayConfig gateway, GatewayDestination destination)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(destination);
        var ports = destination.Ports.Where(p => p.OriginateTls).Select(p => (long)p.Number).ToList();
        if (ports.Count == 0)
        {
            return null;
        }

        var tls = new ClientTlsSettings("SIMPLE") { Sni = destination.Host };
        return new DestinationRule(
            TlsOrigination.Labelled(destination.Name, gateway.Namespace, destination.Service.Name),
            new DestinationRuleSpec(destination.Host, new TrafficPolicy(null, ports.Select(p => new PortTrafficPolicy(p, tls)).ToValueList()), ValueList<Subset>.Empty, ValueList.Of(".")));
    }

    public static DestinationRule GatewaySubsets(GatewayConfig gateway, IReadOnlyList<GatewayDestination> destinations)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(destinations);
        // A loop, not OrderBy + Select: see EgressManifests.Sorted on LINQ's generic virtual calls at start-up.
        var subsets = new List<Subset>(destinations.Count);
        foreach (var d in destinations.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            subsets.Add(new Subset(d.Name, ValueMap<string>.Empty, new TrafficPolicy(new ClientTlsSettings("ISTIO_MUTUAL") { Sni = d.Host }, ValueList<PortTrafficPolicy>.Empty)));
        }

        var exportTo = destinations.SelectMany(d => d.Namespaces).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToValueList();
        return new DestinationRule(
            new ObjectMetadata(gateway.Service, gateway.Namespace, ValueMap.Of((ManagedLabels.ManagedBy, ManagedLabels.ManagedByValue)), ValueMap<string>.Empty),
            new DestinationRuleSpec(gateway.ServiceHost, null, subsets.ToValueList(), exportTo));
    }
}
