using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Validation.Istio.Syntax;

namespace EgressInfra.Core.Validation.Istio;

/// <summary>ServiceEntry <c>addresses</c> (rules 11–12), with Go netip syntax. Duplicates are not an Istio error.</summary>
internal static class AddressRules
{
    public static void Check(EntryContext context)
    {
        var addresses = context.Spec.Addresses;
        var firstCidr = -1;
        for (var i = 0; i < addresses.Count; i++)
        {
            var address = addresses[i];
            if (firstCidr < 0 && address.Contains('/', StringComparison.Ordinal))
            {
                firstCidr = i;
            }

            // Istio ValidateIPSubnet: exactly one '/' means a CIDR block (netip.ParsePrefix), anything else an IP (rule 11).
            if (address.AsSpan().Count('/') == 1)
            {
                var problem = IstioIp.CheckPrefix(address);
                if (problem != PrefixProblem.None)
                {
                    context.Report(IstioCodes.AddressInvalid, SpecPaths.Address(i), $"address '{address}' is not a valid CIDR block: {Describe(problem, address)}", HintFor(address));
                }
            }
            else if (!IstioIp.IsAddress(address))
            {
                context.Report(IstioCodes.AddressInvalid, SpecPaths.Address(i), $"address '{address}' is not a valid IP address", HintFor(address));
            }
        }

        // Istio ValidateServiceEntry: CIDR addresses are allowed only for NONE/STATIC resolution types (rule 12).
        if (firstCidr >= 0 && context.Resolution is not (IstioResolution.None or IstioResolution.Static))
        {
            context.Report(
                IstioCodes.CidrNeedsNoneOrStatic,
                SpecPaths.Address(firstCidr),
                $"address '{addresses[firstCidr]}' is a CIDR block, which Istio allows only with resolution NONE or STATIC, not {context.ResolutionText}",
                "set resolution: NONE to match traffic by destination range, or list single IP addresses");
        }
    }

    private static string Describe(PrefixProblem problem, string address) => problem switch
    {
        PrefixProblem.Zone => "an IPv6 zone (%...) is not allowed in a CIDR block",
        PrefixProblem.LengthOutOfRange => address.Contains(':', StringComparison.Ordinal)
            ? "the prefix length must be 0..128 for IPv6"
            : "the prefix length must be 0..32 for IPv4",
        PrefixProblem.BadLength => "the prefix length must be a plain decimal number without sign or leading zero",
        _ => "the part before '/' is not an IP address",
    };

    /// <summary>How to write the address, for the common mistakes.</summary>
    internal static string HintFor(string address)
    {
        var slashes = address.AsSpan().Count('/');
        if (slashes > 1)
        {
            return "a CIDR block has exactly one '/', e.g. 10.0.0.0/24";
        }

        if (slashes == 1)
        {
            switch (IstioIp.CheckPrefix(address))
            {
                case PrefixProblem.Zone:
                    return "remove the zone (%name) from the CIDR block";
                case PrefixProblem.LengthOutOfRange:
                    return "use a prefix length of 0..32 for IPv4 or 0..128 for IPv6";
                case PrefixProblem.BadLength:
                    return "write the prefix length as a plain number, e.g. /24";
                default:
                    break;
            }
        }

        var ip = slashes == 1 ? address[..address.IndexOf('/', StringComparison.Ordinal)] : address;
        if (IstioIp.LooksLikeIpv4(ip))
        {
            var octets = ip.Split('.');
            if (octets.Length != 4)
            {
                return "write all four octets of an IPv4 address, e.g. 10.0.0.1 (short forms like 127.1 are not accepted)";
            }

            if (Array.Exists(octets, static o => o.Length > 1 && o[0] == '0'))
            {
                return "write the octets without leading zeros, e.g. 10.0.0.1 instead of 010.000.000.001";
            }

            return "each IPv4 octet must be 0..255";
        }

        if (DnsNames.CheckFqdn(ip).IsValid && ip.Contains('.', StringComparison.Ordinal))
        {
            return "addresses takes IP addresses and CIDR blocks; put host names in hosts";
        }

        return "write an IP address (10.0.0.1, 2001:db8::1) or a CIDR block (10.0.0.0/24, 2001:db8::/32)";
    }
}
