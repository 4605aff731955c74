using EgressInfra.Core.Manifests.Reading;

namespace EgressInfra.Core.Validation.Gateways;

/// <summary>The Gateway CRD's structural schema (networking.istio.io v1, v1beta1, v1alpha3).</summary>
public static class GatewaySchema
{
    private static readonly IReadOnlyList<string> TlsVersions = ["TLS_AUTO", "TLSV1_0", "TLSV1_1", "TLSV1_2", "TLSV1_3"];

    public static IReadOnlyList<string> TlsModes { get; } = ["PASSTHROUGH", "SIMPLE", "MUTUAL", "AUTO_PASSTHROUGH", "ISTIO_MUTUAL", "OPTIONAL_MUTUAL"];

    public static ObjectShape Port { get; } = new(
    [
        new("name", StringShape.Any, Required: true),
        new("number", IntegerShape.UInt32, Required: true),
        new("protocol", StringShape.Any, Required: true),
        new("targetPort", IntegerShape.UInt32),
    ], Open: true);

    public static ObjectShape ServerTls { get; } = new(
    [
        new("caCertCredentialName", StringShape.Any),
        new("caCertificates", StringShape.Any),
        new("caCrl", StringShape.Any),
        new("cipherSuites", ListShape.Strings),
        new("credentialName", StringShape.Any),
        new("credentialNames", new ListShape(StringShape.Any, MinItems: 1, MaxItems: 2)),
        new("ecdhCurves", ListShape.Strings),
        new("httpsRedirect", BooleanShape.Instance),
        new("insecureSkipVerify", BooleanShape.Instance),
        new("maxProtocolVersion", new StringShape(Enum: TlsVersions)),
        new("minProtocolVersion", new StringShape(Enum: TlsVersions)),
        new("mode", new StringShape(Enum: TlsModes)),
        new("privateKey", StringShape.Any),
        new("serverCertificate", StringShape.Any),
        new("subjectAltNames", ListShape.Strings),
        new("tlsCertificates", new ListShape(
            new ObjectShape([new("caCertificates", StringShape.Any), new("privateKey", StringShape.Any), new("serverCertificate", StringShape.Any)], Open: true),
            MinItems: 1,
            MaxItems: 2)),
        new("verifyCertificateHash", ListShape.Strings),
        new("verifyCertificateSpki", ListShape.Strings),
    ], Open: true);

    public static ObjectShape Server { get; } = new(
    [
        new("bind", StringShape.Any),
        new("defaultEndpoint", StringShape.Any),
        new("hosts", ListShape.Strings, Required: true),
        new("name", StringShape.Any),
        new("port", Port, Required: true),
        new("tls", ServerTls),
    ], Open: true);

    public static ObjectShape Spec { get; } = new(
    [
        new("selector", MapShape.Strings),
        new("servers", new ListShape(Server)),
    ]);

    public static ObjectShape Document { get; } = ResourceEnvelope.For(Spec, specRequired: false);
}
