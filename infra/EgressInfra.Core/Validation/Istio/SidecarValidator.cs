using System.Globalization;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Istio.Syntax;

namespace EgressInfra.Core.Validation.Istio;

/// <summary>
/// Istio's webhook validation of one Sidecar (ValidateSidecar in pkg/config/validation/validation.go),
/// rule for rule, on the document as read (the structural schema has already judged types and enums).
/// Paths are document paths: <c>spec.egress[0].hosts[1]</c>.
/// </summary>
public static class SidecarValidator
{
    private static readonly string[] LoopbackHosts = ["127.0.0.1", "0.0.0.0", "::1", "::"];

    public static IReadOnlyList<Diagnostic> Validate(MappingNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var found = new List<Diagnostic>();
        var spec = document["spec"] as MappingNode;
        var selector = spec?["workloadSelector"] as MappingNode;
        if (selector is not null)
        {
            var labels = selector["labels"] as MappingNode;
            foreach (var (key, value) in labels?.Entries ?? [])
            {
                var text = (value as ScalarNode)?.Text ?? string.Empty;
                if (key.Text.Length == 0)
                {
                    found.Add(SidecarCodes.WorkloadSelector.Create("spec.workloadSelector.labels", $"empty key is not supported in selector: \"{key.Text}={text}\""));
                }

                if (key.Text.Contains('*', StringComparison.Ordinal) || text.Contains('*', StringComparison.Ordinal))
                {
                    found.Add(SidecarCodes.WorkloadSelector.Create(ConfigPath.Child("spec.workloadSelector.labels", key.Text), $"wildcard is not supported in selector: \"{key.Text}={text}\""));
                }
            }

            if (found.Count > 0)
            {
                // Istio returns at the selector's error before judging the rest.
                return found;
            }

            if (labels is null || labels.Entries.Count == 0)
            {
                found.Add(SidecarCodes.SidecarWarning.Create("spec.workloadSelector", "workload selector specified without labels: the Sidecar applies to every workload in the namespace"));
            }
        }

        var egress = Items(spec?["egress"]);
        var ingress = Items(spec?["ingress"]);
        if (egress.Count == 0 && ingress.Count == 0 && !Present(spec?["outboundTrafficPolicy"]) && !Present(spec?["inboundConnectionPool"]))
        {
            found.Add(SidecarCodes.EmptySidecar.Create("spec", "sidecar: empty configuration provided"));
            return found;
        }

        CheckIngress(ingress, found);
        CheckConnectionPool(spec?["inboundConnectionPool"], "spec.inboundConnectionPool", found);
        CheckEgress(egress, (document["metadata"] as MappingNode)?["namespace"] is ScalarNode ns ? ns.Text : string.Empty, found);
        CheckOutboundPolicy(spec?["outboundTrafficPolicy"] as MappingNode, found);
        return found;
    }

    private static void CheckIngress(IReadOnlyList<ConfigNode> ingress, List<Diagnostic> found)
    {
        var ports = new HashSet<long>();
        for (var i = 0; i < ingress.Count; i++)
        {
            var path = $"spec.ingress[{i}]";
            if (ingress[i] is not MappingNode listener)
            {
                found.Add(SidecarCodes.IngressListener.Create(path, "sidecar: ingress may not be null"));
                continue;
            }

            if (listener["port"] is not MappingNode port)
            {
                found.Add(SidecarCodes.IngressListener.Create(path, "sidecar: port is required for ingress listeners"));
                continue;
            }

            var number = Integer(port["number"]) ?? 0;
            CheckTargetPort(port, $"{path}.port", found);
            CheckPortNameAndProtocol(port, $"{path}.port", found);
            if (number is < 1 or > 65535)
            {
                found.Add(SidecarCodes.ListenerPort.Create($"{path}.port.number", $"port number {number} must be in the range 1..65535"));
            }

            if (Text(listener["bind"]) is { Length: > 0 } bind && !IstioIp.IsAddress(bind))
            {
                found.Add(SidecarCodes.ListenerBind.Create($"{path}.bind", $"{bind} is not a valid IP"));
            }

            if (!ports.Add(number))
            {
                found.Add(SidecarCodes.ListenerPort.Create($"{path}.port.number", "sidecar: ports on IP bound listeners must be unique"));
            }

            if (Text(listener["defaultEndpoint"]) is { Length: > 0 } endpoint)
            {
                CheckDefaultEndpoint(endpoint, $"{path}.defaultEndpoint", found);
            }

            if (listener["tls"] is MappingNode tls)
            {
                CheckIngressTls(tls, Text(port["protocol"]), $"{path}.tls", found);
            }

            CheckConnectionPool(listener["connectionPool"], $"{path}.connectionPool", found);
            if (listener["connectionPool"] is MappingNode pool && Present(pool["http"]) && !IstioProtocols.Parse(Text(port["protocol"])).IsHttp())
            {
                found.Add(SidecarCodes.SidecarWarning.Create(
                    $"{path}.connectionPool.http",
                    string.Create(CultureInfo.InvariantCulture, $"sidecar: HTTP connection pool settings are configured for port {number} (\"{Text(port["name"])}\") but its protocol is not HTTP ({Text(port["protocol"])}); only TCP settings will apply")));
            }
        }
    }

    private static void CheckDefaultEndpoint(string endpoint, string path, List<Diagnostic> found)
    {
        if (UnixAddress.IsUnix(endpoint))
        {
            if (!UnixAddress.IsValidPath(endpoint.AsSpan(UnixAddress.Prefix.Length)))
            {
                found.Add(SidecarCodes.IngressListener.Create(path, $"{endpoint[UnixAddress.Prefix.Length..]} is not an absolute path to a file"));
            }

            return;
        }

        if (!SplitHostPort(endpoint, out var host, out var port))
        {
            found.Add(SidecarCodes.IngressListener.Create(path, $"address {endpoint}: not host:port"));
        }

        if (host.Length > 0 && !LoopbackHosts.Contains(host, StringComparer.Ordinal))
        {
            found.Add(SidecarCodes.IngressListener.Create(path, "sidecar: defaultEndpoint must be of form 127.0.0.1:<port>,0.0.0.0:<port>,[::1]:port,[::]:port,unix://filepath or unset"));
        }

        if (!GoText.TryAtoi(port, out var number))
        {
            found.Add(SidecarCodes.IngressListener.Create(path, $"sidecar: defaultEndpoint port ({port}) is not a number"));
        }
        else if (number is < 1 or > 65535)
        {
            found.Add(SidecarCodes.IngressListener.Create(path, string.Create(CultureInfo.InvariantCulture, $"port number {number} must be in the range 1..65535")));
        }
    }

    /// <summary>Go's net.SplitHostPort: <c>host:port</c> with one colon, or <c>[host]:port</c>.</summary>
    private static bool SplitHostPort(string text, out string host, out string port)
    {
        host = string.Empty;
        port = string.Empty;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 >= text.Length || text[close + 1] != ':')
            {
                return false;
            }

            host = text[1..close];
            port = text[(close + 2)..];
            return !port.Contains(':', StringComparison.Ordinal);
        }

        var colon = text.LastIndexOf(':');
        if (colon < 0 || text.IndexOf(':', StringComparison.Ordinal) != colon)
        {
            return false;
        }

        host = text[..colon];
        port = text[(colon + 1)..];
        return true;
    }

    private static void CheckIngressTls(MappingNode tls, string? protocol, string path, List<Diagnostic> found)
    {
        void Add(string member, string message) => found.Add(SidecarCodes.IngressTls.Create(member.Length == 0 ? path : $"{path}.{member}", message));

        if (Items(tls["subjectAltNames"]).Count > 0)
        {
            Add("subjectAltNames", "sidecar: subjectAltNames is not supported in ingress tls");
        }

        if (tls["httpsRedirect"] is ScalarNode { Text: "true" })
        {
            Add("httpsRedirect", "sidecar: httpsRedirect is not supported");
        }

        if (Text(tls["credentialName"]) is { Length: > 0 })
        {
            Add("credentialName", "sidecar: credentialName is not currently supported");
        }

        if (Items(tls["credentialNames"]).Count > 0)
        {
            Add("credentialNames", "sidecar: credentialNames is not currently supported");
        }

        if (Items(tls["tlsCertificates"]).Count > 0)
        {
            Add("tlsCertificates", "sidecar: tls_certificates is not currently supported");
        }

        var mode = Text(tls["mode"]) ?? "PASSTHROUGH";
        if (mode is "ISTIO_MUTUAL" or "AUTO_PASSTHROUGH")
        {
            Add("mode", $"configuration is invalid: cannot set mode to {mode} in sidecar ingress tls");
        }

        if (!IstioProtocols.Parse(protocol).IsTls())
        {
            Add(string.Empty, "server cannot have TLS settings for non HTTPS/TLS ports");
        }

        var hasCredential = Text(tls["credentialName"]) is { Length: > 0 } || Items(tls["credentialNames"]).Count > 0;
        if (mode is "SIMPLE" or "MUTUAL" or "OPTIONAL_MUTUAL" && !hasCredential)
        {
            var prefix = mode == "SIMPLE" ? "SIMPLE TLS" : "MUTUAL TLS";
            if (mode != "SIMPLE" && Text(tls["caCertificates"]) is not { Length: > 0 })
            {
                Add("caCertificates", $"{prefix} requires a client CA bundle");
            }

            if (Items(tls["tlsCertificates"]).Count == 0)
            {
                if (Text(tls["serverCertificate"]) is not { Length: > 0 })
                {
                    Add("serverCertificate", $"{prefix} requires a server certificate");
                }

                if (Text(tls["privateKey"]) is not { Length: > 0 })
                {
                    Add("privateKey", $"{prefix} requires a private key");
                }
            }
        }
    }

    private static void CheckEgress(IReadOnlyList<ConfigNode> egress, string ownNamespace, List<Diagnostic> found)
    {
        var ports = new HashSet<long>();
        var sockets = new HashSet<string>(StringComparer.Ordinal);
        var catchAllFound = false;
        for (var i = 0; i < egress.Count; i++)
        {
            var path = $"spec.egress[{i}]";
            if (egress[i] is not MappingNode listener)
            {
                found.Add(SidecarCodes.EgressListener.Create(path, "egress listener may not be null"));
                continue;
            }

            if (listener["port"] is not MappingNode port)
            {
                if (catchAllFound)
                {
                    found.Add(SidecarCodes.EgressListener.Create(path, "sidecar: egress can have only one listener with empty port"));
                    continue;
                }

                if (i == egress.Count - 1)
                {
                    catchAllFound = true;
                }
                else
                {
                    found.Add(SidecarCodes.EgressListener.Create(path, "sidecar: the egress listener with empty port should be the last listener in the list"));
                }
            }
            else
            {
                CheckTargetPort(port, $"{path}.port", found);
                CheckPortNameAndProtocol(port, $"{path}.port", found);
                var number = Integer(port["number"]) ?? 0;
                var bind = Text(listener["bind"]) ?? string.Empty;
                if (number == 0)
                {
                    if (!UnixAddress.IsUnix(bind))
                    {
                        found.Add(SidecarCodes.ListenerBind.Create($"{path}.bind", "sidecar: ports with 0 value must have a unix domain socket bind address"));
                    }
                    else if (!UnixAddress.IsValidPath(bind.AsSpan(UnixAddress.Prefix.Length)))
                    {
                        found.Add(SidecarCodes.ListenerBind.Create($"{path}.bind", $"{bind[UnixAddress.Prefix.Length..]} is not an absolute path to a file"));
                    }

                    if (Text(listener["captureMode"]) is { } mode && mode is not ("DEFAULT" or "NONE"))
                    {
                        found.Add(SidecarCodes.ListenerBind.Create($"{path}.captureMode", "sidecar: captureMode must be DEFAULT/NONE for unix domain socket listeners"));
                    }

                    if (!sockets.Add(bind))
                    {
                        found.Add(SidecarCodes.ListenerBind.Create($"{path}.bind", "sidecar: unix domain socket values for listeners must be unique"));
                    }
                }
                else
                {
                    if (number is < 1 or > 65535)
                    {
                        found.Add(SidecarCodes.ListenerPort.Create($"{path}.port.number", string.Create(CultureInfo.InvariantCulture, $"port number {number} must be in the range 1..65535")));
                    }

                    if (bind.Length != 0 && !IstioIp.IsAddress(bind))
                    {
                        found.Add(SidecarCodes.ListenerBind.Create($"{path}.bind", $"{bind} is not a valid IP"));
                    }

                    if (!ports.Add(number))
                    {
                        found.Add(SidecarCodes.ListenerPort.Create($"{path}.port.number", "sidecar: ports on IP bound listeners must be unique"));
                    }
                }
            }

            var hosts = Items(listener["hosts"]);
            if (hosts.Count == 0)
            {
                found.Add(SidecarCodes.EgressListener.Create($"{path}.hosts", "sidecar: egress listener must contain at least one host"));
                continue;
            }

            CheckHosts(hosts, $"{path}.hosts", ownNamespace, found);
        }
    }

    private static void CheckHosts(IReadOnlyList<ConfigNode> hosts, string path, string ownNamespace, List<Diagnostic> found)
    {
        var imports = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var j = 0; j < hosts.Count; j++)
        {
            var host = (hosts[j] as ScalarNode)?.Text ?? string.Empty;
            var itemPath = $"{path}[{j}]";
            var parts = host.Split('/', 2);
            if (parts.Length == 2 && !parts[0].StartsWith('~'))
            {
                var ns = parts[0] == "." ? ownNamespace : parts[0];
                if (!imports.TryGetValue(ns, out var names))
                {
                    imports[ns] = names = new HashSet<string>(StringComparer.Ordinal);
                }

                var duplicate = parts[1] == "*" ? names.Count != 0 : names.Contains(parts[1]) || names.Contains("*");
                if (duplicate)
                {
                    found.Add(SidecarCodes.SidecarWarning.Create(itemPath, $"duplicated egress host: {host}"));
                }

                names.Add(parts[1]);
            }

            foreach (var problem in SidecarHostRules.Check(host))
            {
                found.Add(SidecarCodes.InvalidEgressHost.Create(itemPath, $"'{host}': {problem}"));
            }
        }

        if (imports.TryGetValue("*", out var all) && all.Contains("*") && imports.Count != 1)
        {
            found.Add(SidecarCodes.SidecarWarning.Create(path, "`*/*` host select all resources, no other hosts can be added"));
        }
    }

    private static void CheckOutboundPolicy(MappingNode? policy, List<Diagnostic> found)
    {
        if (policy?["egressProxy"] is not MappingNode proxy)
        {
            return;
        }

        const string path = "spec.outboundTrafficPolicy.egressProxy";
        if ((Text(policy["mode"]) ?? "REGISTRY_ONLY") != "ALLOW_ANY")
        {
            found.Add(SidecarCodes.OutboundPolicy.Create(path, "sidecar: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode"));
            return;
        }

        var host = Text(proxy["host"]) ?? string.Empty;
        var fqdn = DnsNames.CheckFqdn(host);
        if (!fqdn.IsValid)
        {
            found.Add(SidecarCodes.OutboundPolicy.Create($"{path}.host", $"'{host}' is not a valid host name: {fqdn.Describe(wildcardAllowed: false)}"));
        }

        if (proxy["port"] is not MappingNode port)
        {
            found.Add(SidecarCodes.OutboundPolicy.Create(path, "sidecar: egress_proxy port must be non-nil"));
            return;
        }

        if (host == "*")
        {
            found.Add(SidecarCodes.OutboundPolicy.Create($"{path}.host", "invalid destination host *"));
        }
        else if (DnsNames.CheckWildcardDomain(host) is { IsValid: false } wildcard && fqdn.IsValid)
        {
            found.Add(SidecarCodes.OutboundPolicy.Create($"{path}.host", $"'{host}' is not a valid host name: {wildcard.Describe()}"));
        }

        if (Text(proxy["subset"]) is { Length: > 0 } subset && !DnsNames.IsLabel(subset))
        {
            found.Add(SidecarCodes.OutboundPolicy.Create($"{path}.subset", $"subset name is invalid: {subset}"));
        }

        if (Integer(port["number"]) is { } number && number is < 1 or > 65535)
        {
            found.Add(SidecarCodes.OutboundPolicy.Create($"{path}.port.number", string.Create(CultureInfo.InvariantCulture, $"port number {number} must be in the range 1..65535")));
        }
    }

    private static void CheckConnectionPool(ConfigNode? node, string path, List<Diagnostic> found)
    {
        if (node is not MappingNode pool)
        {
            return;
        }

        var http = pool["http"] as MappingNode;
        var tcp = pool["tcp"] as MappingNode;
        if (http is null && tcp is null)
        {
            found.Add(SidecarCodes.ConnectionPool.Create(path, "connection pool must have at least one field"));
            return;
        }

        foreach (var key in new[] { "http1MaxPendingRequests", "http2MaxRequests", "maxRequestsPerConnection", "maxRetries", "maxConcurrentStreams" })
        {
            if (Integer(http?[key]) is < 0)
            {
                found.Add(SidecarCodes.ConnectionPool.Create($"{path}.http.{key}", $"{key} must be non-negative"));
            }
        }

        if (Text(http?["h2UpgradePolicy"]) == "UPGRADE" && http?["useClientProtocol"] is ScalarNode { Text: "true" })
        {
            found.Add(SidecarCodes.ConnectionPool.Create($"{path}.http.useClientProtocol", "use client protocol must not be true when H2UpgradePolicy is UPGRADE"));
        }

        CheckDuration(http?["idleTimeout"], $"{path}.http.idleTimeout", zeroAllowed: false, found);
        if (Integer(tcp?["maxConnections"]) is < 0)
        {
            found.Add(SidecarCodes.ConnectionPool.Create($"{path}.tcp.maxConnections", "max connections must be non-negative"));
        }

        CheckDuration(tcp?["connectTimeout"], $"{path}.tcp.connectTimeout", zeroAllowed: false, found);
        CheckDuration(tcp?["maxConnectionDuration"], $"{path}.tcp.maxConnectionDuration", zeroAllowed: false, found);
        CheckDuration(tcp?["idleTimeout"], $"{path}.tcp.idleTimeout", zeroAllowed: true, found);
        var keepalive = tcp?["tcpKeepalive"] as MappingNode;
        CheckDuration(keepalive?["time"], $"{path}.tcp.tcpKeepalive.time", zeroAllowed: false, found);
        CheckDuration(keepalive?["interval"], $"{path}.tcp.tcpKeepalive.interval", zeroAllowed: false, found);
    }

    /// <summary>Istio's ValidateDuration on a protobuf JSON duration (<c>1.5s</c>): at least 1ms.</summary>
    private static void CheckDuration(ConfigNode? node, string path, bool zeroAllowed, List<Diagnostic> found)
    {
        if (Text(node) is not { } text)
        {
            return;
        }

        if (!text.EndsWith('s') || !decimal.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            found.Add(SidecarCodes.ConnectionPool.Create(path, $"'{text}' is not a duration (seconds with an 's', like 1.5s)"));
            return;
        }

        if (seconds < 0.001m && !(zeroAllowed && seconds == 0))
        {
            found.Add(SidecarCodes.ConnectionPool.Create(path, "duration must be greater than 1ms"));
        }
    }

    private static void CheckTargetPort(MappingNode port, string path, List<Diagnostic> found)
    {
        if (Integer(port["targetPort"]) is > 0)
        {
            found.Add(SidecarCodes.ListenerPort.Create($"{path}.targetPort", "targetPort has no impact on Sidecars"));
        }
    }

    private static void CheckPortNameAndProtocol(MappingNode port, string path, List<Diagnostic> found)
    {
        if (Text(port["name"]) is { Length: > 0 } name && !DnsNames.IsLabel(name))
        {
            found.Add(SidecarCodes.ListenerPort.Create($"{path}.name", $"invalid port name: {name}"));
        }

        if (Text(port["protocol"]) is { Length: > 0 } protocol && IstioProtocols.Parse(protocol) == IstioProtocol.Unsupported)
        {
            found.Add(SidecarCodes.ListenerPort.Create($"{path}.protocol", $"\"{protocol}\" is not a valid protocol"));
        }
    }

    private static IReadOnlyList<ConfigNode> Items(ConfigNode? node) => node is SequenceNode seq ? seq.Items : [];

    private static bool Present(ConfigNode? node) => node is not null and not ScalarNode { Kind: ScalarKind.Null };

    private static string? Text(ConfigNode? node) => node is ScalarNode { Kind: not ScalarKind.Null } s ? s.Text : null;

    private static long? Integer(ConfigNode? node) =>
        node is ScalarNode { Kind: ScalarKind.Integer } s ? YamlTreeReader.ParseInteger(s.Text) : null;
}
