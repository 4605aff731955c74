using System.Globalization;
using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Profiles.Rules;

/// <summary>
/// No TLS or HTTPS port with resolution NONE unless every address is exact: the sidecar matches the
/// client's SNI but forwards to the address the client dialled (ORIGINAL_DST), so
/// <c>curl --connect-to api.stripe.com:443:ANY-IP:443</c> reaches any server that answers to the
/// permitted name. Exact addresses pin the listener to those IPs; DNS resolution pins the upstream to
/// the name.
/// </summary>
public sealed class NoSniSpoofingRule : IProfileRule
{
    public string Id => "no-sni-spoofing";

    public DiagnosticDescriptor Descriptor => PolicyCodes.NoSniSpoofing;

    public bool IsPerService => true;

    public IEnumerable<RuleFinding> Check(RuleContext context)
    {
        foreach (var service in context.Services.Where(s => s.Resolution == ServiceResolution.None))
        {
            // Loops, not Where + Select: see EgressManifests.Sorted on LINQ's generic virtual calls at start-up.
            var tls = new List<string>();
            foreach (var p in service.Ports)
            {
                if (p.Protocol.IsTls())
                {
                    tls.Add(string.Create(CultureInfo.InvariantCulture, $"{p.Number}/{p.Protocol.Name()}"));
                }
            }

            if (tls.Count == 0)
            {
                continue;
            }

            var reached = PolicyAddresses.Of(service);
            var ranges = new List<string>();
            foreach (var r in reached)
            {
                if (!r.ViaIpv6 && r.Range.Start != r.Range.End)
                {
                    ranges.Add(r.Text);
                }
            }

            if (service.Addresses.Count == 0)
            {
                yield return RuleContext.Finding(
                    service,
                    "resolution",
                    $"resolution NONE without addresses on {string.Join(", ", tls)}: the sidecar checks the SNI but forwards to the address the pod dialled, so a pod can send the permitted name to any IP (curl --connect-to {(service.Hosts.Count > 0 ? service.Hosts[0] : "HOST")}:{service.Ports.First(p => p.Protocol.IsTls()).Number}:ANY-IP) ({RuleContext.Describe(service)})");
            }
            else if (ranges.Count > 0)
            {
                yield return RuleContext.Finding(
                    service,
                    "resolution",
                    $"resolution NONE on {string.Join(", ", tls)} with the address ranges {string.Join(", ", ranges)}: a pod can send the permitted name to any IP in them; list the destination's exact addresses or use DNS resolution ({RuleContext.Describe(service)})");
            }
        }
    }
}
