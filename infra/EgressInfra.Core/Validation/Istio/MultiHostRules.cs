using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Validation.Istio.Syntax;

namespace EgressInfra.Core.Validation.Istio;

/// <summary>
/// Several hosts on one entry: the sidecar can tell them apart only by HTTP Host header or TLS SNI.
/// Rule 32 is a warning for DNS entries with addresses; rule 40 an error for every resolution but NONE.
/// </summary>
internal static class MultiHostRules
{
    /// <summary>Rule 32 (DNS and DNS_ROUND_ROBIN only; called from <see cref="ResolutionRules"/>).</summary>
    public static void CheckAddressesWithTcp(EntryContext context)
    {
        var spec = context.Spec;
        if (spec.Addresses.Count == 0 || spec.Hosts.Count <= 1)
        {
            return;
        }

        // Istio ValidateServiceEntry: can not have more than one host specified simultaneously with address and
        // tcp port (warning). IsTCP counts HTTPS and TLS, but not an unset protocol; reported once.
        for (var i = 0; i < context.Protocols.Length; i++)
        {
            if (context.Protocols[i].IsTcp())
            {
                context.Report(
                    IstioCodes.MultipleHostsWithAddressAndTcp,
                    SpecPaths.Hosts,
                    $"{spec.Hosts.Count} hosts share the addresses and TCP-based port {spec.Ports[i].Number} ({spec.Ports[i].Protocol}); traffic to those addresses cannot be told apart by host",
                    "split the entry into one entry per host, or remove the addresses");
                return;
            }
        }
    }

    /// <summary>Rule 40.</summary>
    public static void CheckNonHttpTlsPorts(EntryContext context)
    {
        var spec = context.Spec;
        if (context.Resolution == IstioResolution.None || spec.Hosts.Count <= 1)
        {
            return;
        }

        // Istio ValidateServiceEntry: multiple hosts provided with non-HTTP, non-TLS ports (rule 40). An unset protocol
        // counts as non-HTTP; NONE is exempt because its hosts are not used to route. Reported once.
        for (var i = 0; i < context.Protocols.Length; i++)
        {
            var protocol = context.Protocols[i];
            if (!protocol.IsHttp() && !protocol.IsTls())
            {
                var described = string.IsNullOrEmpty(spec.Ports[i].Protocol) ? "no protocol" : $"protocol {spec.Ports[i].Protocol}";
                context.Report(
                    IstioCodes.MultipleHostsNonHttpTlsPort,
                    SpecPaths.Port(i, "protocol"),
                    $"{spec.Hosts.Count} hosts share port {spec.Ports[i].Number} with {described}, which carries no host name (neither HTTP nor TLS), so with resolution {context.ResolutionText} Istio cannot tell the hosts apart",
                    "split the entry into one entry per host, declare the port as HTTP or TLS if it is, or use resolution: NONE with addresses");
                return;
            }
        }
    }
}
