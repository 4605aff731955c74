using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Rules;

/// <summary>
/// Failure mode F13: a well-known non-HTTP port declared HTTP-family, or left unset for a
/// server-first protocol (the sniffer waits for the client, the client waits for the server's
/// greeting). Mirrors istio/istio pilot/pkg/networking/core/listener.go: buildSidecarOutboundListener
/// gives an unset port a TCP chain plus an HTTP chain matched on the HTTP inspector's verdict, and an
/// HTTP port on 0.0.0.0 the same HTTP chain with the listener's default behind it;
/// buildListenerFromEntry sets the inspector's timeout to meshConfig.protocolDetectionTimeout (0s, no
/// timeout, by default: pkg/config/mesh). HTTP_PROXY gets an HTTP chain with no match, which parses
/// whatever arrives.
/// </summary>
internal sealed class ServerFirstProtocolRule : IAnalysisRule
{
    public DiagnosticDescriptor Descriptor => AnalysisCodes.ServerFirstProtocol;

    public IEnumerable<EntryFinding> Analyze(AnalysisIndex index)
    {
        foreach (var entry in index.Visible)
        {
            foreach (var port in entry.Ports)
            {
                if (!WellKnownPorts.ByNumber.TryGetValue(port.Number, out var known))
                {
                    continue;
                }

                const string Hang = "so connections hang (meshConfig.protocolDetectionTimeout is 0s, no timeout, by default)";
                string? symptom = port.Family switch
                {
                    ProtocolFamily.Http when port.ProtocolKey == "HTTP_PROXY" => known.ServerFirst
                        ? $"the port's HTTP connection manager waits for a request while the {known.Name} client waits for the server's greeting, so connections hang"
                        : $"the port's HTTP connection manager parses {known.Name} bytes as HTTP and rejects them, so clients see protocol errors or closed connections",
                    ProtocolFamily.Http when known.ServerFirst =>
                        $"the port's HTTP inspector waits for the client's first bytes while the {known.Name} client waits for the server's greeting, {Hang}",
                    ProtocolFamily.Http =>
                        $"{known.Name} bytes are not HTTP, so they miss the port's HTTP chain and take the listener's default chain: reset by BlackHoleCluster " +
                        "under REGISTRY_ONLY, PassthroughCluster around this entry under ALLOW_ANY",
                    ProtocolFamily.Unset when known.ServerFirst =>
                        $"{known.Name} is server-first: the sidecar waits for the client's first bytes to detect the protocol while the client waits for the server's greeting, {Hang}",
                    _ => null,
                };
                if (symptom is null)
                {
                    continue;
                }

                yield return entry.Finding(
                    Descriptor,
                    port.ProtocolPath,
                    $"port {port.Number} ({known.Name}) is {ProtocolFamilies.Describe(port.Port.Protocol)}: {symptom}",
                    $"Declare protocol: {known.Protocol} on port {port.Number} and give the entry the server's addresses.");
            }
        }
    }
}
