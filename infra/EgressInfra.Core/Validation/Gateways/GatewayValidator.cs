using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Istio.Syntax;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Validation.Gateways;

/// <summary>
/// Istio's admission rules for one Gateway (ValidateGateway and validateServer): servers, hosts,
/// ports, binds and TLS per mode. Errors are what the webhook denies, warnings what it admits with a
/// warning. Reads the object's tree, so read YAML and generated objects are judged alike.
/// </summary>
public static class GatewayValidator
{
    private const string GatewaySemanticsAnnotation = "internal.istio.io/gateway-semantics";

    public static IReadOnlyList<Diagnostic> Validate(ObjectInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var f = new ObjectFindings();
        if (!CommonRules.CheckAnnotations(input, f))
        {
            return f.Items;
        }

        // Istio relaxes the name and '~/' hosts for Gateways it converted from the Gateway API.
        var gatewaySemantics = SpecNode.String(input.Annotations, GatewaySemanticsAnnotation) == "gateway";
        if (!gatewaySemantics && !DnsNames.IsLabel(input.Name))
        {
            f.Add(EnforcementKindCodes.GatewayName, "metadata.name", $"invalid gateway name \"{input.Name}\": a Gateway's name must be a DNS-1123 label (no dots)");
        }

        var spec = input.Spec;
        var servers = SpecNode.Items(spec, "servers");
        if (servers.Count == 0)
        {
            f.Add(EnforcementKindCodes.GatewayServers, "spec.servers", "a Gateway must have at least one server");
        }

        var portNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < servers.Count; i++)
        {
            var path = ConfigPath.Index("spec.servers", i);
            if (servers[i] is not MappingNode server)
            {
                f.Add(EnforcementKindCodes.GatewayServers, path, "a server may not be null");
                continue;
            }

            CheckServer(server, path, gatewaySemantics, f);
            if (SpecNode.Map(server, "port") is { } port)
            {
                var name = SpecNode.Text(port, "name");
                if (!portNames.Add(name))
                {
                    f.Add(EnforcementKindCodes.GatewayDuplicatePortName, ConfigPath.Child(ConfigPath.Child(path, "port"), "name"), $"port names in servers must be unique: \"{name}\" is used twice");
                }

                var protocol = IstioProtocols.Parse(SpecNode.Text(port, "protocol"));
                if (!protocol.IsHttp() && SpecNode.Boolean(SpecNode.Map(server, "tls"), "httpsRedirect") == true)
                {
                    f.Add(EnforcementKindCodes.GatewayTlsWarning, ConfigPath.Child(ConfigPath.Child(path, "tls"), "httpsRedirect"), "tls.httpsRedirect only has an effect on HTTP servers");
                }
            }
        }

        return f.Items;
    }

    private static void CheckServer(MappingNode server, string path, bool gatewaySemantics, ObjectFindings f)
    {
        var hosts = SpecNode.Strings(server, "hosts");
        if (hosts.Count == 0)
        {
            f.Add(EnforcementKindCodes.GatewayServers, ConfigPath.Child(path, "hosts"), "a server must have at least one host");
        }

        for (var h = 0; h < hosts.Count; h++)
        {
            foreach (var problem in GatewayHosts.Problems(hosts[h], gatewaySemantics))
            {
                f.Add(EnforcementKindCodes.GatewayHost, ConfigPath.Index(ConfigPath.Child(path, "hosts"), h), problem);
            }
        }

        var bind = SpecNode.Text(server, "bind");
        var port = SpecNode.Map(server, "port");
        var portValid = CheckPort(port, bind, ConfigPath.Child(path, "port"), f);
        CheckBind(port, bind, ConfigPath.Child(path, "bind"), f);

        var tls = SpecNode.Map(server, "tls");
        var tlsPath = ConfigPath.Child(path, "tls");
        if (tls is not null)
        {
            ServerTlsRules.Check(tls, tlsPath, f);
        }

        if (!portValid)
        {
            return;
        }

        var protocol = IstioProtocols.Parse(SpecNode.Text(port, "protocol"));
        if (protocol.IsTls() && tls is null)
        {
            f.Add(EnforcementKindCodes.GatewayTlsForProtocol, path, $"an {SpecNode.Text(port, "protocol")} server must have tls settings");
        }
        else if (!protocol.IsTls() && tls is not null)
        {
            if (!protocol.IsHttp())
            {
                f.Add(EnforcementKindCodes.GatewayTlsForProtocol, tlsPath, "a server that is not HTTPS or TLS cannot have tls settings");
            }
            else if (!IsPassThrough(tls) || SpecNode.Text(tls, "caCertificates").Length > 0
                || SpecNode.Text(tls, "privateKey").Length > 0 || SpecNode.Text(tls, "serverCertificate").Length > 0)
            {
                f.Add(EnforcementKindCodes.GatewayTlsForProtocol, tlsPath, "a plain-text HTTP server cannot have tls settings other than httpsRedirect");
            }
        }
    }

    /// <summary>gateway.IsPassThroughServer: tls mode PASSTHROUGH (the zero value) or AUTO_PASSTHROUGH.</summary>
    private static bool IsPassThrough(MappingNode tls) => SpecNode.Text(tls, "mode") is "" or "PASSTHROUGH" or "AUTO_PASSTHROUGH";

    /// <summary>validateServerPort; true when it found nothing.</summary>
    private static bool CheckPort(MappingNode? port, string bind, string path, ObjectFindings f)
    {
        if (port is null)
        {
            f.Add(EnforcementKindCodes.GatewayPort, path, "a server must have a port");
            return false;
        }

        var ok = true;
        var protocolText = SpecNode.Text(port, "protocol");
        var protocol = IstioProtocols.Parse(protocolText);
        if (protocol is IstioProtocol.Unsupported or IstioProtocol.Unset)
        {
            f.Add(EnforcementKindCodes.GatewayPort, ConfigPath.Child(path, "protocol"), $"invalid protocol \"{protocolText}\"; supported: HTTP, HTTPS, HTTP2, GRPC, GRPC-WEB, TLS, TCP, MONGO, REDIS, MYSQL");
            ok = false;
        }

        var number = SpecNode.Integer(port, "number") ?? 0;
        if ((number > 0 || !UnixAddress.IsUnix(bind)) && !CommonRules.IsPort(number))
        {
            f.Add(EnforcementKindCodes.GatewayPort, ConfigPath.Child(path, "number"), $"port number {number} must be in the range 1..65535");
            ok = false;
        }

        if (SpecNode.Integer(port, "targetPort") is > 0)
        {
            f.Add(EnforcementKindCodes.GatewayPort, ConfigPath.Child(path, "targetPort"), "targetPort has no effect on Gateways");
            ok = false;
        }

        if (SpecNode.Text(port, "name").Length == 0)
        {
            f.Add(EnforcementKindCodes.GatewayPort, ConfigPath.Child(path, "name"), "the port name must be set");
            ok = false;
        }

        return ok;
    }

    private static void CheckBind(MappingNode? port, string bind, string path, ObjectFindings f)
    {
        if (UnixAddress.IsUnix(bind))
        {
            if (!UnixAddress.IsValidPath(bind.AsSpan(UnixAddress.Prefix.Length)))
            {
                f.Add(EnforcementKindCodes.GatewayBind, path, $"\"{bind}\" is not a valid unix domain socket path");
            }

            if (SpecNode.Integer(port, "number") is { } n && n != 0)
            {
                f.Add(EnforcementKindCodes.GatewayBind, path, "the port number must be 0 for a unix domain socket");
            }
        }
        else if (bind.Length > 0 && !IstioIp.IsAddress(bind))
        {
            f.Add(EnforcementKindCodes.GatewayBind, path, $"\"{bind}\" is not a valid IP address");
        }
    }
}
