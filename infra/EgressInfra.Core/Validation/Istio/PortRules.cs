using System.Globalization;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Validation.Istio.Syntax;

namespace EgressInfra.Core.Validation.Istio;

/// <summary>ServiceEntry <c>ports</c>, each in order (rules 13–19).</summary>
internal static class PortRules
{
    private const int LinearScanLimit = 32;

    public static void Check(EntryContext context)
    {
        var ports = context.Spec.Ports;
        var autoAllocation = AutoAllocates(context);
        Dictionary<string, int>? names = ports.Count > LinearScanLimit ? new(StringComparer.Ordinal) : null;
        Dictionary<long, int>? numbers = ports.Count > LinearScanLimit ? [] : null;

        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i];
            var name = context.PortName(i);

            // Istio ValidateServiceEntry: service entry port name already defined (rule 13); two unnamed ports collide too.
            var sameName = EarlierName(context, names, i, name);
            if (sameName >= 0)
            {
                context.Report(
                    IstioCodes.PortNameDuplicate,
                    SpecPaths.Port(i, "name"),
                    name.Length == 0
                        ? $"port {port.Number} has no name, and neither has ports[{sameName}]; port names must be distinct"
                        : $"port name '{name}' is already used by ports[{sameName}]",
                    $"give each port its own name, e.g. {SuggestedName(context, i)}");
            }

            // Istio ValidateServiceEntry: service entry port already defined (rule 14).
            var sameNumber = EarlierNumber(context, numbers, i, port.Number);
            if (sameNumber >= 0)
            {
                context.Report(
                    IstioCodes.PortNumberDuplicate,
                    SpecPaths.Port(i, "number"),
                    $"port {port.Number} is already declared by ports[{sameNumber}]",
                    "declare each port number once, with the one protocol it carries");
            }

            // Istio ValidatePort on targetPort; 0 means unset for the webhook (rule 15).
            if (port.TargetPort is { } target && target != 0 && !InPortRange(target))
            {
                context.Report(
                    IstioCodes.TargetPortOutOfRange,
                    SpecPaths.Port(i, "targetPort"),
                    $"targetPort {target} of port {port.Number} is outside 1..65535",
                    "use a targetPort between 1 and 65535, or remove it to use the port number");
            }

            // Istio ValidateServiceEntry (rule 16, warning): the compare is case-sensitive, so "tcp" does not trigger it.
            if (context.Spec.Addresses.Count == 0 && !autoAllocation && (port.Protocol ?? string.Empty) is "" or "TCP")
            {
                context.Report(
                    IstioCodes.AddressesRequiredForTcp,
                    SpecPaths.Port(i, "protocol"),
                    $"port {port.Number} ({(string.IsNullOrEmpty(port.Protocol) ? "no protocol" : "TCP")}) has no addresses and {WhyNoAutoAllocation(context)}, so the sidecar cannot tell this traffic from other TCP traffic on port {port.Number}",
                    "add the destination's IPs or CIDR blocks under addresses" +
                        (context.Resolution == IstioResolution.None && !HasWildcardHost(context) ? ", or use resolution DNS so that Istio allocates an address" : string.Empty));
            }

            // Istio ValidatePortName (rule 17): a DNS-1123 label; upper case is allowed, empty is not.
            if (!DnsNames.IsLabel(name))
            {
                context.Report(
                    IstioCodes.PortNameInvalid,
                    SpecPaths.Port(i, "name"),
                    name.Length == 0 ? $"port {port.Number} has no name; Istio requires one" : $"port name '{name}' is not a DNS-1123 label",
                    $"name the port with letters, digits and inner '-' (at most 63), e.g. {SuggestedName(context, i)}");
            }

            // Istio ValidateProtocol (rule 18): "" means sniffing and is allowed.
            if (context.Protocols[i] == IstioProtocol.Unsupported)
            {
                context.Report(
                    IstioCodes.ProtocolUnsupported,
                    SpecPaths.Port(i, "protocol"),
                    $"protocol '{port.Protocol}' of port {port.Number} is not one Istio supports",
                    ProtocolHint(port.Protocol!));
            }

            // Istio ValidatePort (rule 19): port 0 is invalid.
            if (!InPortRange(port.Number))
            {
                context.Report(
                    IstioCodes.PortNumberOutOfRange,
                    SpecPaths.Port(i, "number"),
                    $"port number {port.Number} is outside 1..65535",
                    "use the destination's port number, between 1 and 65535");
            }
        }
    }

    public static bool InPortRange(long number) => number is >= 1 and <= 65535;

    /// <summary>
    /// istiod's ShouldV2AutoAllocateIP: on by default (1.25+), never for NONE, off when the entry opts out by
    /// label or has its own addresses.
    /// </summary>
    internal static bool AutoAllocates(EntryContext context) =>
        context.Options.IpAutoAllocation
        && context.Resolution != IstioResolution.None
        && !OptsOut(context)
        && context.Spec.Addresses.Count == 0;

    private static bool OptsOut(EntryContext context) =>
        context.Labels.TryGetValue(AutoAllocateLabel, out var value) && GoText.EqualFold(value, "false");

    internal const string AutoAllocateLabel = "networking.istio.io/enable-autoallocate-ip";

    private static bool HasWildcardHost(EntryContext context)
    {
        foreach (var host in context.Spec.Hosts)
        {
            if (host.Contains('*', StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string WhyNoAutoAllocation(EntryContext context)
    {
        if (!context.Options.IpAutoAllocation)
        {
            return "IP auto-allocation is off";
        }

        return context.Resolution == IstioResolution.None
            ? $"resolution {(context.Spec.Resolution is null ? "is not set (NONE)" : "is NONE")}, which gets no auto-allocated address"
            : $"the entry opts out of auto-allocation ({AutoAllocateLabel}: false)";
    }

    private static int EarlierName(EntryContext context, Dictionary<string, int>? seen, int index, string name)
    {
        if (seen is not null)
        {
            return seen.TryAdd(name, index) ? -1 : seen[name];
        }

        for (var j = 0; j < index; j++)
        {
            if (context.PortName(j) == name)
            {
                return j;
            }
        }

        return -1;
    }

    private static int EarlierNumber(EntryContext context, Dictionary<long, int>? seen, int index, long number)
    {
        if (seen is not null)
        {
            return seen.TryAdd(number, index) ? -1 : seen[number];
        }

        for (var j = 0; j < index; j++)
        {
            if (context.Spec.Ports[j].Number == number)
            {
                return j;
            }
        }

        return -1;
    }

    private static string SuggestedName(EntryContext context, int index)
    {
        var port = context.Spec.Ports[index];
        var protocol = context.Protocols[index] is IstioProtocol.Unset or IstioProtocol.Unsupported
            ? "tcp"
            : port.Protocol!.ToLowerInvariant().Replace('_', '-');
        return string.Create(CultureInfo.InvariantCulture, $"{protocol}-{port.Number}");
    }

    private static string ProtocolHint(string protocol)
    {
        if (GoText.ToLowerEquals(protocol, "hbone") || GoText.ToLowerEquals(protocol, "doublehbone"))
        {
            return "HBONE is Istio's internal tunnel protocol and cannot be declared; use the protocol the destination speaks (TLS, HTTP, TCP, ...)";
        }

        // GRPC_WEB for GRPC-Web, HTTP-PROXY for HTTP_PROXY.
        var swapped = string.Concat(protocol.Select(static c => c switch { '_' => '-', '-' => '_', _ => c }));
        if (IstioProtocols.Parse(swapped) is not (IstioProtocol.Unset or IstioProtocol.Unsupported))
        {
            return $"did you mean '{swapped}'?";
        }

        return "use one of HTTP, HTTPS, HTTP2, GRPC, GRPC-Web, HTTP_PROXY, TLS, TCP, UDP, Mongo, Redis, MySQL (any case)";
    }
}
