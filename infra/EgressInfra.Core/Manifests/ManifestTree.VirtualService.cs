using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Manifests;

public static partial class ManifestTree
{
    public static MappingNode Spec(VirtualServiceSpec spec) => Map(
        ("hosts", Strings(spec.Hosts)),
        ("gateways", Strings(spec.Gateways)),
        ("http", List(spec.Http.Select(r => Map(
            ("name", OptStr(r.Name)),
            ("match", List(r.Match.Select(m => Map(
                ("name", OptStr(m.Name)),
                ("port", OptInt(m.Port)),
                ("sourceLabels", StringMap(m.SourceLabels)),
                ("gateways", Strings(m.Gateways)),
                ("sourceNamespace", OptStr(m.SourceNamespace)))))),
            ("route", Routes(r.Route)))))),
        ("tls", List(spec.Tls.Select(r => Map(
            ("match", List(r.Match.Select(m => Map(
                ("sniHosts", Strings(m.SniHosts)),
                ("destinationSubnets", Strings(m.DestinationSubnets)),
                ("port", OptInt(m.Port)),
                ("sourceLabels", StringMap(m.SourceLabels)),
                ("gateways", Strings(m.Gateways)),
                ("sourceNamespace", OptStr(m.SourceNamespace)))))),
            ("route", Routes(r.Route)))))),
        ("tcp", List(spec.Tcp.Select(r => Map(
            ("match", List(r.Match.Select(m => Map(
                ("destinationSubnets", Strings(m.DestinationSubnets)),
                ("port", OptInt(m.Port)),
                ("sourceLabels", StringMap(m.SourceLabels)),
                ("gateways", Strings(m.Gateways)),
                ("sourceNamespace", OptStr(m.SourceNamespace)))))),
            ("route", Routes(r.Route)))))),
        ("exportTo", Strings(spec.ExportTo)));

    private static SequenceNode? Routes(Collections.ValueList<RouteDestination> routes) => List(routes.Select(r => Map(
        ("destination", Map(
            ("host", Str(r.Destination.Host)),
            ("subset", OptStr(r.Destination.Subset)),
            ("port", r.Destination.Port is null ? null : Map(("number", Int(r.Destination.Port.Value)))))),
        ("weight", OptInt(r.Weight)))));
}
