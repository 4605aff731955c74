using System.Globalization;
using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>
/// No cleartext HTTP to hosts outside the cluster: anything on the path can read and change it. Every
/// HTTP-family protocol counts (HTTP, HTTP2, HTTP_PROXY, GRPC, GRPC-Web), and so does an opaque port on
/// a well-known cleartext HTTP port (TCP 80). The location does not decide: a MESH_INTERNAL entry that
/// names an external host still sends its bytes across the internet. A port with <c>originateTls</c> is
/// fine: the sidecar or the egress gateway opens TLS before it leaves.
/// </summary>
public sealed class NoCleartextHttpRule : IProfileRule
{
    public string Id => "no-cleartext-http";

    public DiagnosticDescriptor Descriptor => PolicyCodes.NoCleartextHttp;

    public bool IsPerService => true;

    public IEnumerable<RuleFinding> Check(RuleContext context)
    {
        var governed = context.Config.Egress.Namespaces;
        foreach (var service in context.Services)
        {
            var outside = service.Hosts.Where(h => !InClusterNames.IsInCluster(h, governed)).ToList();
            if (outside.Count == 0)
            {
                continue;
            }

            var where = service.Location == ServiceLocation.MeshInternal
                ? $"{string.Join(", ", outside)} (declared MESH_INTERNAL, but the name is outside the cluster)"
                : string.Join(", ", outside);
            for (var i = 0; i < service.Ports.Count; i++)
            {
                var port = service.Ports[i];
                if (port.Protocol.IsHttp() && !port.OriginateTls)
                {
                    yield return RuleContext.Finding(
                        service,
                        string.Create(CultureInfo.InvariantCulture, $"ports[{i}].protocol"),
                        string.Create(CultureInfo.InvariantCulture, $"port {port.Number} is {port.Protocol.Name()} in clear to {where} ({RuleContext.Describe(service)})"));
                }
                else if (port.Protocol.IsOpaque() && port.Protocol != ServiceProtocol.Udp && CleartextPort(service, port) is { } wire)
                {
                    yield return RuleContext.Finding(
                        service,
                        string.Create(CultureInfo.InvariantCulture, $"ports[{i}].protocol"),
                        string.Create(CultureInfo.InvariantCulture, $"port {port.Number} is {port.Protocol.Name()} to port {wire}, a cleartext HTTP port, of {where}: the sidecar passes it through unencrypted ({RuleContext.Describe(service)})"));
                }
            }
        }
    }

    /// <summary>The destination port in the cleartext HTTP set that <paramref name="port"/> sends to, if any.</summary>
    private static int? CleartextPort(ExternalService service, ServicePortConfig port)
    {
        if (HttpProtocols.CleartextHttpPorts.Contains(port.TargetPort ?? port.Number))
        {
            return port.TargetPort ?? port.Number;
        }

        foreach (var endpoint in service.Endpoints)
        {
            if (endpoint.Ports.TryGetValue(port.EffectiveName, out var mapped) && HttpProtocols.CleartextHttpPorts.Contains(mapped))
            {
                return mapped;
            }
        }

        return null;
    }
}
