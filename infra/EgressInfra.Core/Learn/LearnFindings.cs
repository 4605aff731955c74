using System.Globalization;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Learn;

/// <summary>
/// What a reviewer must decide before a learned proposal is included, as findings: a destination the
/// restrictive profile would refuse (EGR631) and one known only by its address (EGR632). Each points at
/// the log line where it was first seen and at the proposed service's path in the fragment. The fragment
/// keeps a comment beside each such service too; the findings are what a script or CI can count.
/// </summary>
public static class LearnFindings
{
    /// <param name="fragmentPaths">True for a proposed fragment (<c>services[i]</c>); false for additions to a stack (<c>egress.services</c>; the message names the service).</param>
    public static IReadOnlyList<Diagnostic> For(IReadOnlyList<LearnedService> services, bool fragmentPaths = true)
    {
        ArgumentNullException.ThrowIfNull(services);
        var findings = new List<Diagnostic>();
        for (var i = 0; i < services.Count; i++)
        {
            var service = services[i];
            var path = fragmentPaths ? ConfigPath.Index("services", i) : "egress.services";
            var at = service.Seen.Select(s => s.FirstLine).FirstOrDefault(l => l is not null);
            var ports = string.Join(", ", service.Ports.Select(p => p.Port.ToString(CultureInfo.InvariantCulture)));
            var who = string.Join(", ", service.Namespaces);
            if (service.Host is null)
            {
                findings.Add(AdoptionCodes.LearnedUnnamed.Create(
                    fragmentPaths ? $"{path}.hosts[0]" : path,
                    $"{who} reached {service.Address}:{ports} with no host name (no TLS SNI, no HTTP authority); '{service.Name}' is proposed with the placeholder host {service.HostName}") with { Location = at });
            }

            foreach (var refusal in service.Refusals)
            {
                findings.Add(AdoptionCodes.LearnedRefused.Create(
                    path,
                    $"{who} reached {service.Host ?? service.Address}:{ports}, which the restrictive profile would refuse: {refusal.Replace('\n', ' ')}") with { Location = at });
            }
        }

        return findings;
    }
}
