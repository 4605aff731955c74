using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Validation.Istio.Syntax;

namespace EgressInfra.Core.Validation.Istio;

/// <summary>
/// The per-resolution part of Istio's ValidateServiceEntry: NONE (rules 20–21), STATIC and DNS
/// endpoints, DNS host names (28–29), DYNAMIC_DNS, and values Istio does not know (39).
/// </summary>
internal static class ResolutionRules
{
    public static void Check(EntryContext context)
    {
        switch (context.Resolution)
        {
            case IstioResolution.None:
                CheckNone(context);
                break;
            case IstioResolution.Static:
                EndpointRules.CheckStatic(context);
                break;
            case IstioResolution.Dns:
            case IstioResolution.DnsRoundRobin:
                CheckDnsHosts(context);
                EndpointRules.CheckDns(context);
                MultiHostRules.CheckAddressesWithTcp(context);
                break;
            case IstioResolution.DynamicDns:
                DynamicDnsRules.Check(context);
                break;
            default:
                // Istio ValidateServiceEntry: unsupported resolution type (rule 39); in practice the spec decoder
                // and the CRD enum reject the text first. Names are case-sensitive.
                context.Report(
                    IstioCodes.UnknownEnumValue,
                    SpecPaths.Resolution,
                    $"resolution '{context.Spec.Resolution}' is not one of NONE, STATIC, DNS, DNS_ROUND_ROBIN, DYNAMIC_DNS",
                    SuggestEnum(context.Spec.Resolution, ["NONE", "STATIC", "DNS", "DNS_ROUND_ROBIN", "DYNAMIC_DNS"]));
                break;
        }

        // The spec decoder and the CRD enum reject an unknown location; ValidateServiceEntry itself only looks under DYNAMIC_DNS.
        if (context.Location == IstioLocation.Unknown)
        {
            context.Report(
                IstioCodes.UnknownEnumValue,
                SpecPaths.Location,
                $"location '{context.Spec.Location}' is not one of MESH_EXTERNAL, MESH_INTERNAL",
                SuggestEnum(context.Spec.Location, ["MESH_EXTERNAL", "MESH_INTERNAL"]));
        }
    }

    private static void CheckNone(EntryContext context)
    {
        var spec = context.Spec;

        // Istio ValidateServiceEntry: no endpoints should be provided for resolution type none (rule 20).
        if (spec.Endpoints.Count != 0)
        {
            var allStatic = true;
            foreach (var endpoint in spec.Endpoints)
            {
                allStatic &= UnixAddress.IsUnix(endpoint.Address) || IstioIp.IsAddress(endpoint.Address ?? string.Empty);
            }

            context.Report(
                IstioCodes.EndpointsWithNone,
                SpecPaths.Endpoints,
                spec.Resolution is null
                    ? $"{spec.Endpoints.Count} endpoint(s) are listed but resolution is not set, which means NONE, and NONE takes no endpoints"
                    : $"{spec.Endpoints.Count} endpoint(s) are listed but resolution NONE takes no endpoints",
                allStatic
                    ? "set resolution: STATIC to send traffic to these IP endpoints, or remove the endpoints"
                    : "set resolution: DNS to resolve these endpoint host names, or remove the endpoints");
        }

        // Istio ValidateServiceEntry: workloadSelector should not be set when resolution mode is NONE (rule 21, warning).
        if (spec.WorkloadSelector is not null)
        {
            context.Report(
                IstioCodes.SelectorWithNone,
                SpecPaths.WorkloadSelector,
                "workloadSelector is set but resolution is NONE, so the selected workloads are not used as endpoints",
                "set resolution: STATIC to route to the selected workloads, or remove workloadSelector");
        }
    }

    private static void CheckDnsHosts(EntryContext context)
    {
        var spec = context.Spec;

        // Istio ValidateServiceEntry (rule 28): without endpoints the hosts themselves are resolved, so each must be
        // an FQDN (a short name passes); only the first failing host is reported.
        if (spec.Endpoints.Count == 0)
        {
            for (var i = 0; i < spec.Hosts.Count; i++)
            {
                var check = DnsNames.CheckFqdn(spec.Hosts[i]);
                if (!check.IsValid)
                {
                    context.Report(
                        IstioCodes.DnsHostNotFqdn,
                        SpecPaths.Host(i),
                        $"host '{spec.Hosts[i]}' cannot be resolved with resolution {context.ResolutionText} and no endpoints: {check.Describe(wildcardAllowed: false)}",
                        spec.Hosts[i].Contains('*', StringComparison.Ordinal)
                            ? "use resolution: NONE for wildcard hosts (or DYNAMIC_DNS for HTTP/TLS ports), or list endpoints to resolve instead"
                            : HostRules.HintFor(spec.Hosts[i]) ?? "use a valid DNS name, or list endpoints to resolve instead");
                    break;
                }
            }
        }

        // Istio ValidateServiceEntry: there must only be 0 or 1 endpoint for resolution mode DNS_ROUND_ROBIN (rule 29).
        if (context.Resolution == IstioResolution.DnsRoundRobin && spec.Endpoints.Count > 1)
        {
            context.Report(
                IstioCodes.RoundRobinEndpoints,
                SpecPaths.Endpoints,
                $"resolution DNS_ROUND_ROBIN allows at most one endpoint, but {spec.Endpoints.Count} are listed",
                "keep one endpoint, or use resolution: DNS to spread traffic over several");
        }
    }

    private static string? SuggestEnum(string? value, string[] names)
    {
        foreach (var name in names)
        {
            if (string.Equals(value, name, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(value?.Replace('-', '_'), name, StringComparison.OrdinalIgnoreCase))
            {
                return $"write it in upper case, exactly as Istio names it: {name}";
            }
        }

        return null;
    }
}
