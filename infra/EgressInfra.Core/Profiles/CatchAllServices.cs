using EgressInfra.Core.Config;
using EgressInfra.Core.Profiles.Rules;

namespace EgressInfra.Core.Profiles;

/// <summary>
/// Whether a service, as deployed, lets a pod reach any destination on some port: the question a
/// set of waivers must never answer with yes in a restrictive stack, whichever rules they lift.
/// </summary>
internal static class CatchAllServices
{
    /// <summary>Why <paramref name="service"/> reaches any destination, or null when it does not.</summary>
    public static string? Why(ExternalService service)
    {
        if (service.Resolution == ServiceResolution.None)
        {
            if (service.Addresses.Count == 0)
            {
                return "resolution NONE without addresses forwards to any IP the pod dials";
            }

            if (service.Ports.Any(p => p.Protocol.IsHttp()))
            {
                return "resolution NONE on an HTTP port forwards to any IP with any Host header";
            }

            if (service.Hosts.Contains("*"))
            {
                return "the host '*' with resolution NONE matches any name";
            }
        }

        var reached = PolicyAddresses.Of(service);
        if (reached.Any(r => r.Range.PrefixLength == 0 || (!r.ViaIpv6 && PolicyAddresses.IsIstioWildcard(r.Text, r.Range))))
        {
            return "an address range covers every address of its family";
        }

        foreach (var run in PolicyAddresses.Union(reached))
        {
            var whole = run.Range.IsIPv6 ? UInt128.MaxValue : PolicyAddresses.SizeOf(32, 0);
            if (run.Size >= whole)
            {
                return "its address ranges together cover every address of their family";
            }
        }

        return null;
    }
}
