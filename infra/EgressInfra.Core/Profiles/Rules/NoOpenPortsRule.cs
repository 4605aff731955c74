using System.Globalization;
using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>
/// No opaque port (TCP, UDP, MONGO, MYSQL, REDIS) with resolution NONE and no addresses: Istio then
/// builds a 0.0.0.0 listener for the port whose cluster is ORIGINAL_DST, so Envoy forwards to whatever
/// address the pod dialled and the port is open to every IP (istioctl analyze IST0134 warns of the
/// same). The destination's addresses, or DNS resolution, close it.
/// </summary>
public sealed class NoOpenPortsRule : IProfileRule
{
    public string Id => "no-open-ports";

    public DiagnosticDescriptor Descriptor => PolicyCodes.NoOpenPorts;

    public bool IsPerService => true;

    public IEnumerable<RuleFinding> Check(RuleContext context)
    {
        foreach (var service in context.Services.Where(s => s.Resolution == ServiceResolution.None && s.Addresses.Count == 0))
        {
            var open = service.Ports.Where(p => p.Protocol.IsOpaque()).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Number}/{p.Protocol.Name()}")).ToList();
            if (open.Count > 0)
            {
                yield return RuleContext.Finding(
                    service,
                    "resolution",
                    $"resolution NONE without addresses opens {string.Join(", ", open)} to every IP address: the sidecar forwards to whatever address the pod dialled, whatever the hosts say ({RuleContext.Describe(service)})");
            }
        }
    }
}
