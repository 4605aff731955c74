using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Istio.Syntax;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Validation.DestinationRules;

/// <summary>validateTrafficPolicy and what it calls: connection pool, outlier detection, load balancer, TLS, port-level settings, tunnel.</summary>
public static class TrafficPolicyRules
{
    private static readonly string[] PolicyFields =
        ["outlierDetection", "connectionPool", "loadBalancer", "tls", "portLevelSettings", "tunnel", "proxyProtocol", "retryBudget"];

    private static readonly string[] PortPolicyFields = ["outlierDetection", "connectionPool", "loadBalancer", "tls"];

    public static void Check(MappingNode? policy, string path, string ns, ObjectFindings f)
    {
        if (policy is null)
        {
            return;
        }

        if (!PolicyFields.Any(field => SpecNode.Has(policy, field)))
        {
            f.Add(EnforcementKindCodes.TrafficPolicy, path, "a traffic policy must have at least one field");
            return;
        }

        if (SpecNode.Has(policy, "tunnel") && SpecNode.Has(policy, "proxyProtocol"))
        {
            f.Add(EnforcementKindCodes.TrafficPolicy, path, "tunnel and proxyProtocol cannot both be set");
            return;
        }

        CheckSettings(policy, path, ns, f);
        var ports = SpecNode.Items(policy, "portLevelSettings");
        for (var i = 0; i < ports.Count; i++)
        {
            var at = ConfigPath.Index(ConfigPath.Child(path, "portLevelSettings"), i);
            if (ports[i] is not MappingNode port)
            {
                f.Add(EnforcementKindCodes.TrafficPolicy, at, "a port traffic policy may not be null");
                continue;
            }

            if (!SpecNode.Has(port, "port"))
            {
                f.Add(EnforcementKindCodes.TrafficPolicy, ConfigPath.Child(at, "port"), "a port traffic policy must name its port");
            }

            if (!PortPolicyFields.Any(field => SpecNode.Has(port, field)))
            {
                f.Add(EnforcementKindCodes.TrafficPolicy, at, "a port traffic policy must have at least one setting");
            }
            else
            {
                CheckSettings(port, at, ns, f);
            }
        }

        if (SpecNode.Map(policy, "tunnel") is { } tunnel)
        {
            CheckTunnel(tunnel, ConfigPath.Child(path, "tunnel"), f);
        }
    }

    private static void CheckSettings(MappingNode policy, string path, string ns, ObjectFindings f)
    {
        var outlier = SpecNode.Map(policy, "outlierDetection");
        CheckOutlier(outlier, ConfigPath.Child(path, "outlierDetection"), f);
        CheckConnectionPool(SpecNode.Map(policy, "connectionPool"), ConfigPath.Child(path, "connectionPool"), f);
        LoadBalancerRules.Check(SpecNode.Map(policy, "loadBalancer"), outlier is not null, ConfigPath.Child(path, "loadBalancer"), f);
        ClientTlsRules.Check(SpecNode.Map(policy, "tls"), ConfigPath.Child(path, "tls"), ns, f);
    }

    private static void CheckTunnel(MappingNode tunnel, string path, ObjectFindings f)
    {
        var protocol = SpecNode.Text(tunnel, "protocol");
        if (protocol.Length > 0 && protocol is not ("CONNECT" or "POST"))
        {
            f.Add(EnforcementKindCodes.TrafficPolicyValue, ConfigPath.Child(path, "protocol"), "the tunnel protocol must be \"CONNECT\" or \"POST\"");
        }

        var target = SpecNode.Text(tunnel, "targetHost");
        if (!DnsNames.CheckFqdn(target).IsValid && !IstioIp.IsAddress(target))
        {
            f.Add(EnforcementKindCodes.TrafficPolicyValue, ConfigPath.Child(path, "targetHost"), $"the tunnel target host \"{target}\" must be a valid FQDN or IP address");
        }

        if (!CommonRules.IsPort(SpecNode.Integer(tunnel, "targetPort") ?? 0))
        {
            f.Add(EnforcementKindCodes.TrafficPolicyValue, ConfigPath.Child(path, "targetPort"), $"the tunnel target port {SpecNode.Integer(tunnel, "targetPort") ?? 0} must be in the range 1..65535");
        }
    }

    private static void CheckOutlier(MappingNode? outlier, string path, ObjectFindings f)
    {
        if (outlier is null)
        {
            return;
        }

        CommonRules.Duration(outlier, "baseEjectionTime", path, f);
        CommonRules.Duration(outlier, "interval", path, f);
        if ((SpecNode.Integer(outlier, "consecutiveErrors") ?? 0) != 0)
        {
            f.Add(EnforcementKindCodes.DestinationRuleWarning, ConfigPath.Child(path, "consecutiveErrors"), "consecutiveErrors is deprecated; use consecutiveGatewayErrors or consecutive5xxErrors");
        }

        var localFailures = SpecNode.Integer(outlier, "consecutiveLocalOriginFailures") ?? SpecNode.Integer(SpecNode.Map(outlier, "consecutiveLocalOriginFailures"), "value") ?? 0;
        if (SpecNode.Boolean(outlier, "splitExternalLocalOriginErrors") != true && localFailures > 0)
        {
            f.Add(EnforcementKindCodes.OutlierDetection, ConfigPath.Child(path, "consecutiveLocalOriginFailures"), "consecutiveLocalOriginFailures is set, but splitExternalLocalOriginErrors is false");
        }

        foreach (var key in new[] { "maxEjectionPercent", "minHealthPercent" })
        {
            if (SpecNode.Integer(outlier, key) is { } percent && percent is < 0 or > 100)
            {
                f.Add(EnforcementKindCodes.OutlierDetection, ConfigPath.Child(path, key), $"percentage {percent} is not in the range 0..100");
            }
        }
    }

    private static void CheckConnectionPool(MappingNode? pool, string path, ObjectFindings f)
    {
        if (pool is null)
        {
            return;
        }

        var http = SpecNode.Map(pool, "http");
        var tcp = SpecNode.Map(pool, "tcp");
        if (http is null && tcp is null)
        {
            f.Add(EnforcementKindCodes.ConnectionPool, path, "a connection pool must have http or tcp settings");
            return;
        }

        if (http is not null)
        {
            var at = ConfigPath.Child(path, "http");
            NonNegative(http, at, f, "http1MaxPendingRequests", "http2MaxRequests", "maxRequestsPerConnection", "maxRetries", "maxConcurrentStreams");
            CommonRules.Duration(http, "idleTimeout", at, f);
            if (SpecNode.Text(http, "h2UpgradePolicy") == "UPGRADE" && SpecNode.Boolean(http, "useClientProtocol") == true)
            {
                f.Add(EnforcementKindCodes.ConnectionPool, ConfigPath.Child(at, "useClientProtocol"), "useClientProtocol must not be true when h2UpgradePolicy is UPGRADE");
            }

            if (SpecNode.Map(http, "http2KeepAlive") is { } keepAlive)
            {
                var kaPath = ConfigPath.Child(at, "http2KeepAlive");
                foreach (var key in new[] { "interval", "timeout" })
                {
                    if (!SpecNode.Has(keepAlive, key))
                    {
                        f.Add(EnforcementKindCodes.ConnectionPool, ConfigPath.Child(kaPath, key), $"the HTTP/2 keepalive {key} is required");
                    }

                    CommonRules.Duration(keepAlive, key, kaPath, f);
                }
            }
        }

        if (tcp is not null)
        {
            var at = ConfigPath.Child(path, "tcp");
            NonNegative(tcp, at, f, "maxConnections");
            CommonRules.Duration(tcp, "connectTimeout", at, f);
            CommonRules.Duration(tcp, "maxConnectionDuration", at, f);

            // Istio checks the idle timeout only when it has a whole millisecond (Milliseconds() truncates):
            // 0s disables it, and 0.5ms is let through the same way; the CRD has no rule for this field.
            if (SpecNode.String(tcp, "idleTimeout") is { } idle && !(ProtoDuration.Parse(idle) is { } nanos && decimal.Truncate(nanos / 1_000_000m) == 0))
            {
                CommonRules.Duration(tcp, "idleTimeout", at, f);
            }

            if (SpecNode.Map(tcp, "tcpKeepalive") is { } keepalive)
            {
                CommonRules.Duration(keepalive, "time", ConfigPath.Child(at, "tcpKeepalive"), f);
                CommonRules.Duration(keepalive, "interval", ConfigPath.Child(at, "tcpKeepalive"), f);
            }
        }
    }

    private static void NonNegative(MappingNode node, string path, ObjectFindings f, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (SpecNode.Integer(node, key) is < 0)
            {
                f.Add(EnforcementKindCodes.ConnectionPool, ConfigPath.Child(path, key), $"{key} must not be negative");
            }
        }
    }
}
