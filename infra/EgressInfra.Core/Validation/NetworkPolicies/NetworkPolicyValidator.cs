using System.Net;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Validation.NetworkPolicies;

/// <summary>
/// The API server's validation of a NetworkPolicy (ValidateNetworkPolicySpec): selectors, peers,
/// ipBlocks with their exceptions inside the block, ports and endPorts, policy types.
/// </summary>
public static class NetworkPolicyValidator
{
    private static readonly string[] Protocols = ["TCP", "UDP", "SCTP"];

    public static IReadOnlyList<Diagnostic> Validate(ObjectInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var f = new ObjectFindings();
        var spec = input.Spec;
        LabelSelectorRules.Check(SpecNode.Map(spec, "podSelector"), "spec.podSelector", f);
        foreach (var (direction, peers) in new[] { ("ingress", "from"), ("egress", "to") })
        {
            var rules = SpecNode.Items(spec, direction);
            for (var i = 0; i < rules.Count; i++)
            {
                var at = ConfigPath.Index(ConfigPath.Child("spec", direction), i);
                var ports = SpecNode.Items(rules[i], "ports");
                for (var j = 0; j < ports.Count; j++)
                {
                    CheckPort(ports[j], ConfigPath.Index(ConfigPath.Child(at, "ports"), j), f);
                }

                var list = SpecNode.Items(rules[i], peers);
                for (var j = 0; j < list.Count; j++)
                {
                    CheckPeer(list[j], ConfigPath.Index(ConfigPath.Child(at, peers), j), f);
                }
            }
        }

        var types = SpecNode.Strings(spec, "policyTypes");
        if (types.Count > 2)
        {
            f.Add(EnforcementKindCodes.NetworkPolicyTypes, "spec.policyTypes", "at most two policyTypes may be given");
        }

        for (var i = 0; i < types.Count; i++)
        {
            if (types[i] is not ("Ingress" or "Egress"))
            {
                f.Add(EnforcementKindCodes.NetworkPolicyTypes, ConfigPath.Index("spec.policyTypes", i), $"unsupported value \"{types[i]}\": supported values are \"Ingress\" and \"Egress\"");
            }
        }

        return f.Items;
    }

    private static void CheckPort(ConfigNode port, string path, ObjectFindings f)
    {
        if (SpecNode.String(port, "protocol") is { } protocol && !Protocols.Contains(protocol, StringComparer.Ordinal))
        {
            f.Add(EnforcementKindCodes.NetworkPolicyPort, ConfigPath.Child(path, "protocol"), $"unsupported protocol \"{protocol}\": use TCP, UDP or SCTP");
        }

        var portNode = SpecNode.Get(port, "port");
        long? number = null;
        switch (portNode)
        {
            case null or ScalarNode { Kind: ScalarKind.Null }:
                break;
            case ScalarNode { Kind: ScalarKind.Integer } s:
                number = SpecNode.AsInteger(s);
                if (number is not (>= 1 and <= 65535))
                {
                    f.Add(EnforcementKindCodes.NetworkPolicyPort, ConfigPath.Child(path, "port"), $"port {s.Text} must be in the range 1..65535");
                }

                break;
            case ScalarNode { Kind: ScalarKind.String } s:
                if (PortNames.Check(s.Text) is { } problem)
                {
                    f.Add(EnforcementKindCodes.NetworkPolicyPort, ConfigPath.Child(path, "port"), problem);
                }

                break;
            default:
                f.Add(ManifestCodes.WrongType, ConfigPath.Child(path, "port"), $"expected a port number or name but found {portNode.Describe()}");
                break;
        }

        if (SpecNode.Integer(port, "endPort") is not { } end)
        {
            return;
        }

        var endPath = ConfigPath.Child(path, "endPort");
        if (portNode is null or ScalarNode { Kind: ScalarKind.Null })
        {
            f.Add(EnforcementKindCodes.NetworkPolicyPort, endPath, "endPort may not be given without port");
        }
        else if (number is null)
        {
            f.Add(EnforcementKindCodes.NetworkPolicyPort, endPath, "endPort may not be given when port is a name");
        }
        else if (end < number)
        {
            f.Add(EnforcementKindCodes.NetworkPolicyPort, endPath, $"endPort {end} must be greater than or equal to port {number}");
        }

        if (end is < 1 or > 65535)
        {
            f.Add(EnforcementKindCodes.NetworkPolicyPort, endPath, $"endPort {end} must be in the range 1..65535");
        }
    }

    private static void CheckPeer(ConfigNode peer, string path, ObjectFindings f)
    {
        var pods = SpecNode.Map(peer, "podSelector");
        var namespaces = SpecNode.Map(peer, "namespaceSelector");
        var block = SpecNode.Map(peer, "ipBlock");
        LabelSelectorRules.Check(pods, ConfigPath.Child(path, "podSelector"), f);
        LabelSelectorRules.Check(namespaces, ConfigPath.Child(path, "namespaceSelector"), f);
        var count = (pods is null ? 0 : 1) + (namespaces is null ? 0 : 1) + (block is null ? 0 : 1);
        if (count == 0)
        {
            f.Add(EnforcementKindCodes.NetworkPolicyPeer, path, "a peer must give podSelector, namespaceSelector or ipBlock");
        }
        else if (block is not null && count > 1)
        {
            f.Add(EnforcementKindCodes.NetworkPolicyPeer, path, "a peer may not give both ipBlock and a selector");
        }

        if (block is not null)
        {
            CheckIpBlock(block, ConfigPath.Child(path, "ipBlock"), f);
        }
    }

    private static void CheckIpBlock(MappingNode block, string path, ObjectFindings f)
    {
        var cidrText = SpecNode.Text(block, "cidr");
        if (cidrText.Length == 0)
        {
            f.Add(EnforcementKindCodes.NetworkPolicyIpBlock, ConfigPath.Child(path, "cidr"), "ipBlock.cidr is required");
            return;
        }

        if (!IPNetwork.TryParse(cidrText, out var cidr))
        {
            f.Add(EnforcementKindCodes.NetworkPolicyIpBlock, ConfigPath.Child(path, "cidr"), $"\"{cidrText}\" is not a valid CIDR (write address/length, e.g. 10.0.0.0/8)");
            return;
        }

        var except = SpecNode.Strings(block, "except");
        for (var i = 0; i < except.Count; i++)
        {
            var at = ConfigPath.Index(ConfigPath.Child(path, "except"), i);
            if (!IPNetwork.TryParse(except[i], out var inner))
            {
                f.Add(EnforcementKindCodes.NetworkPolicyIpBlock, at, $"\"{except[i]}\" is not a valid CIDR");
            }
            else if (inner.BaseAddress.AddressFamily != cidr.BaseAddress.AddressFamily || !cidr.Contains(inner.BaseAddress) || inner.PrefixLength <= cidr.PrefixLength)
            {
                f.Add(EnforcementKindCodes.NetworkPolicyIpBlock, at, $"\"{except[i]}\" must be a strict subset of cidr {cidrText}");
            }
        }
    }
}
