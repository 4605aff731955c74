using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Manifests;

public static partial class ManifestTree
{
    public static MappingNode Spec(GatewaySpec spec) => Map(
        ("selector", StringMap(spec.Selector)),
        ("servers", List(spec.Servers.Select(Server))));

    private static MappingNode Server(GatewayServer server) => Map(
        ("port", Map(
            ("number", Int(server.Port.Number)),
            ("protocol", OptStr(server.Port.Protocol)),
            ("name", OptStr(server.Port.Name)),
            ("targetPort", OptInt(server.Port.TargetPort)))),
        ("bind", OptStr(server.Bind)),
        ("hosts", Strings(server.Hosts)),
        ("tls", server.Tls is null ? null : ServerTls(server.Tls)),
        ("defaultEndpoint", OptStr(server.DefaultEndpoint)),
        ("name", OptStr(server.Name)));

    private static MappingNode ServerTls(ServerTlsSettings tls) => Map(
        ("httpsRedirect", OptBool(tls.HttpsRedirect)),
        ("mode", OptStr(tls.Mode)),
        ("serverCertificate", OptStr(tls.ServerCertificate)),
        ("privateKey", OptStr(tls.PrivateKey)),
        ("caCertificates", OptStr(tls.CaCertificates)),
        ("credentialName", OptStr(tls.CredentialName)),
        ("subjectAltNames", Strings(tls.SubjectAltNames)),
        ("minProtocolVersion", OptStr(tls.MinProtocolVersion)),
        ("maxProtocolVersion", OptStr(tls.MaxProtocolVersion)),
        ("cipherSuites", Strings(tls.CipherSuites)));
}
