using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Istio.Syntax;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Validation.VirtualServices;

/// <summary>What HTTP, TLS and TCP matches share: port, sourceLabels, gateways, sourceNamespace, destinationSubnets.</summary>
internal static class MatchRules
{
    public static void CheckCommon(MappingNode match, string path, ObjectFindings f, bool checkSourceNamespace = true)
    {
        if (SpecNode.Integer(match, "port") is { } port && port != 0 && !CommonRules.IsPort(port))
        {
            f.Add(EnforcementKindCodes.RouteMatch, ConfigPath.Child(path, "port"), $"port number {port} must be in the range 1..65535");
        }

        CommonRules.LabelMap(match, "sourceLabels", path, f);
        GatewayNames.Check(SpecNode.Strings(match, "gateways"), ConfigPath.Child(path, "gateways"), f);
        if (checkSourceNamespace && SpecNode.Text(match, "sourceNamespace") is { Length: > 0 } ns && !DnsNames.IsLabel(ns))
        {
            f.Add(EnforcementKindCodes.RouteMatch, ConfigPath.Child(path, "sourceNamespace"), $"sourceNamespace \"{ns}\" is not a valid namespace name");
        }
    }

    /// <summary>agent.ValidateIPSubnet for each destinationSubnets entry.</summary>
    public static void CheckSubnets(MappingNode match, string path, ObjectFindings f)
    {
        var subnets = SpecNode.Strings(match, "destinationSubnets");
        for (var i = 0; i < subnets.Count; i++)
        {
            var s = subnets[i];
            var valid = s.Count(c => c == '/') == 1 ? IstioIp.IsPrefix(s) : IstioIp.IsAddress(s);
            if (!valid)
            {
                f.Add(EnforcementKindCodes.RouteMatch, ConfigPath.Index(ConfigPath.Child(path, "destinationSubnets"), i), $"\"{s}\" is not a valid IP address or CIDR block");
            }
        }
    }
}
