using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Rules;

/// <summary>
/// Failure mode F13: a well-known non-HTTP port declared HTTP-family (the HTTP codec rejects the
/// bytes), or left unset for a server-first protocol (the sniffer waits for the client, the client
/// waits for the server's greeting).
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

                string? symptom = port.Family switch
                {
                    ProtocolFamily.Http => $"the sidecar parses {known.Name} bytes as HTTP, so connections are closed or hang and clients see protocol errors",
                    ProtocolFamily.Unset when known.ServerFirst => $"{known.Name} is server-first: the sidecar waits for the client's first bytes to detect the protocol while the client waits for the server's greeting, so connections hang or time out",
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
