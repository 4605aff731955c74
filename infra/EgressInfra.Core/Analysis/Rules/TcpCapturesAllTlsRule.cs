using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Analysis.Rules;

/// <summary>
/// Failure mode F3: a port 443 without addresses whose protocol Istio proxies as opaque TCP has no
/// SNI and no IP to match on, so it becomes the catch-all for every :443 connection. Which protocols
/// do, as istio/istio builds them:
/// <list type="bullet">
/// <item>pilot/pkg/serviceregistry/serviceentry/conversion.go, convertPort: the protocol is
/// protocol.Parse(port.Protocol) (pkg/config/protocol/instance.go), case-insensitive, and nothing is
/// inferred from the port name (so <c>name: mongo-443</c> or <c>name: https</c> without a protocol
/// stays unset, which Istio sniffs);</item>
/// <item>pilot/pkg/networking/networking.go, ModelProtocolToListenerProtocol: TCP, HTTPS, TLS, Mongo,
/// Redis and MySQL make a TCP listener, unset (Unsupported) an auto-detecting one;</item>
/// <item>pilot/pkg/networking/core/listener.go, buildSidecarOutboundListener: both bind to the
/// service address, 0.0.0.0 for an entry without addresses, so the listener is 0.0.0.0:443;</item>
/// <item>pilot/pkg/networking/core/tls.go: buildSidecarOutboundTLSFilterChainOpts gives only
/// HTTPS and TLS (IsTLS) SNI-matched chains; buildSidecarOutboundTCPFilterChainOpts gives every
/// other TCP-listener protocol (TCP, Mongo, Redis, MySQL, and the TCP half of unset) a chain with no
/// match, which buildListenerFromEntry makes the listener's default, behind any SNI chains.</item>
/// </list>
/// cluster.go convertResolution makes resolution NONE an ORIGINAL_DST cluster. UDP builds no
/// listener and the HTTP family binds an HTTP chain (EGR202), so neither is reported here.
/// </summary>
internal sealed class TcpCapturesAllTlsRule : IAnalysisRule
{
    public DiagnosticDescriptor Descriptor => AnalysisCodes.TcpCapturesAllTls;

    public IEnumerable<EntryFinding> Analyze(AnalysisIndex index)
    {
        foreach (var entry in index.Visible)
        {
            if (entry.HasAddresses)
            {
                continue;
            }

            foreach (var port in entry.Ports)
            {
                if (port.Number != 443 || !port.Family.IsOpaqueTcp())
                {
                    continue;
                }

                yield return entry.Finding(
                    Descriptor,
                    port.ProtocolPath,
                    $"port 443 is {ProtocolFamilies.Describe(port.Port.Protocol)} with no addresses: its chain becomes the default of 0.0.0.0:443, " +
                    $"so every :443 connection that no entry's address or TLS entry's SNI claims {Effect(entry, port)}");
            }
        }
    }

    private static string Effect(AnalyzedEntry entry, AnalyzedPort port)
    {
        if (entry.ResolvesByHostHeader)
        {
            return "is passed through to the IP the client dialled, so REGISTRY_ONLY no longer blocks undeclared HTTPS destinations";
        }

        // A database protocol's chain carries its protocol filter only when istiod enables it
        // (networkfilter.go buildNetworkFiltersStack); either way the bytes go to this entry's host.
        return port.Family == ProtocolFamily.Database
            ? $"is sent to {entry.FirstHost}, a {port.Port.Protocol} server, so HTTPS calls to other domains reach the wrong server and fail"
            : $"is sent to {entry.FirstHost}, so HTTPS calls to other domains get its certificate and fail verification";
    }
}
