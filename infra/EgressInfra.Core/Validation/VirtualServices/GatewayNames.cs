using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Istio.Syntax;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Validation.VirtualServices;

/// <summary>validateGatewayNames: 'namespace/name', 'name', 'mesh', or the legacy 'name.namespace' FQDN.</summary>
public static class GatewayNames
{
    public const string Mesh = "mesh";

    public static void Check(IReadOnlyList<string> names, string path, ObjectFindings f)
    {
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            var at = ConfigPath.Index(path, i);
            var slash = name.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                if (name.Contains('.', StringComparison.Ordinal))
                {
                    var parts = name.Split('.');
                    f.Add(EnforcementKindCodes.VirtualServiceLegacyGatewayName, at, $"\"{name}\" uses the legacy gateway name format; prefer \"{parts[1]}/{parts[0]}\"");
                }

                if (DnsNames.CheckFqdn(name) is { IsValid: false } check)
                {
                    f.Add(EnforcementKindCodes.VirtualServiceGatewayName, at, $"\"{name}\" is not a valid gateway name: {check.Describe(wildcardAllowed: false)}");
                }

                // Istio stops at the first name without a namespace.
                return;
            }

            var ns = name[..slash];
            var gw = name[(slash + 1)..];
            if (ns.Length == 0 || gw.Length == 0)
            {
                f.Add(EnforcementKindCodes.VirtualServiceGatewayName, at, "the namespace and the gateway name cannot be empty");
            }

            if (!DnsNames.IsLabel(ns))
            {
                f.Add(EnforcementKindCodes.VirtualServiceGatewayName, at, $"invalid namespace \"{ns}\" in gateway \"{name}\"");
            }

            if (!DnsNames.IsLabel(gw))
            {
                f.Add(EnforcementKindCodes.VirtualServiceGatewayName, at, $"invalid gateway name \"{gw}\" in \"{name}\"");
            }
        }
    }
}
