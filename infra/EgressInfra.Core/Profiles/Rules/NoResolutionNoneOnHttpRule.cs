using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>
/// No resolution NONE on an HTTP port: the sidecar then forwards to whatever address the client
/// connected to, so faking the Host header reaches any IP (Istio's egress task, failure mode F9).
/// </summary>
public sealed class NoResolutionNoneOnHttpRule : IProfileRule
{
    public string Id => "no-resolution-none-on-http";

    public DiagnosticDescriptor Descriptor => PolicyCodes.NoResolutionNoneOnHttp;

    public bool IsPerService => true;

    public IReadOnlyList<string> Supersedes => [AnalysisCodes.HttpWithoutDns.Code];

    public IEnumerable<RuleFinding> Check(RuleContext context)
    {
        foreach (var service in context.Services)
        {
            if (service.Resolution != ServiceResolution.None)
            {
                continue;
            }

            // A loop, not Where + Select: see EgressManifests.Sorted on LINQ's generic virtual calls at start-up.
            var http = new List<string>();
            foreach (var p in service.Ports)
            {
                if (p.Protocol.IsHttp())
                {
                    http.Add($"{p.Number}/{p.Protocol.Name()}");
                }
            }

            if (http.Count > 0)
            {
                yield return RuleContext.Finding(
                    service,
                    "resolution",
                    $"resolution NONE with HTTP port {string.Join(", ", http)}: a client can send any Host header and reach any address ({RuleContext.Describe(service)})");
            }
        }
    }
}
