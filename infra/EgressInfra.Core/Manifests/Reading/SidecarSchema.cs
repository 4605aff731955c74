namespace EgressInfra.Core.Manifests.Reading;

/// <summary>
/// The Sidecar CRD's structural schema (networking.istio.io v1, v1beta1, v1alpha3): listeners, the
/// connection pool and TLS settings of ingress listeners, and the outbound traffic policy.
/// </summary>
public static class SidecarSchema
{
    public static IReadOnlyList<string> CaptureModes { get; } = ["DEFAULT", "IPTABLES", "NONE"];

    public static IReadOnlyList<string> OutboundModes { get; } = ["REGISTRY_ONLY", "ALLOW_ANY"];

    private static readonly IReadOnlyList<string> TlsVersions = ["TLS_AUTO", "TLSV1_0", "TLSV1_1", "TLSV1_2", "TLSV1_3"];

    public static ObjectShape Port { get; } = new(
    [
        new("number", IntegerShape.UInt32),
        new("protocol", StringShape.Any),
        new("name", StringShape.Any),
        new("targetPort", IntegerShape.UInt32),
    ]);

    public static ObjectShape ConnectionPool { get; } = new(
    [
        new("http", new ObjectShape(
        [
            new("h2UpgradePolicy", new StringShape(Enum: ["DEFAULT", "DO_NOT_UPGRADE", "UPGRADE"])),
            new("http1MaxPendingRequests", IntegerShape.Int32),
            new("http2MaxRequests", IntegerShape.Int32),
            new("idleTimeout", StringShape.Any),
            new("maxConcurrentStreams", IntegerShape.Int32),
            new("maxRequestsPerConnection", IntegerShape.Int32),
            new("maxRetries", IntegerShape.Int32),
            new("useClientProtocol", BooleanShape.Instance),
        ])),
        new("tcp", new ObjectShape(
        [
            new("connectTimeout", StringShape.Any),
            new("idleTimeout", StringShape.Any),
            new("maxConnectionDuration", StringShape.Any),
            new("maxConnections", IntegerShape.Int32),
            new("tcpKeepalive", new ObjectShape(
            [
                new("interval", StringShape.Any),
                new("probes", IntegerShape.UInt32),
                new("time", StringShape.Any),
            ])),
        ])),
    ]);

    public static ObjectShape ServerTls { get; } = new(
    [
        new("caCertificates", StringShape.Any),
        new("caCrl", StringShape.Any),
        new("cipherSuites", ListShape.Strings),
        new("credentialName", StringShape.Any),
        new("credentialNames", new ListShape(StringShape.Any, MinItems: 1, MaxItems: 2)),
        new("httpsRedirect", BooleanShape.Instance),
        new("maxProtocolVersion", new StringShape(Enum: TlsVersions)),
        new("minProtocolVersion", new StringShape(Enum: TlsVersions)),
        new("mode", new StringShape(Enum: ["PASSTHROUGH", "SIMPLE", "MUTUAL", "AUTO_PASSTHROUGH", "ISTIO_MUTUAL", "OPTIONAL_MUTUAL"])),
        new("privateKey", StringShape.Any),
        new("serverCertificate", StringShape.Any),
        new("subjectAltNames", ListShape.Strings),
        new("tlsCertificates", new ListShape(
            new ObjectShape(
            [
                new("caCertificates", StringShape.Any),
                new("privateKey", StringShape.Any),
                new("serverCertificate", StringShape.Any),
            ]),
            MinItems: 1,
            MaxItems: 2)),
        new("verifyCertificateHash", ListShape.Strings),
        new("verifyCertificateSpki", ListShape.Strings),
    ]);

    public static ObjectShape EgressListener { get; } = new(
    [
        new("bind", StringShape.Any),
        new("captureMode", new StringShape(Enum: CaptureModes)),
        new("hosts", ListShape.Strings, Required: true),
        new("port", Port),
    ]);

    public static ObjectShape IngressListener { get; } = new(
    [
        new("bind", StringShape.Any),
        new("captureMode", new StringShape(Enum: CaptureModes)),
        new("connectionPool", ConnectionPool),
        new("defaultEndpoint", StringShape.Any),
        new("port", Port, Required: true),
        new("tls", ServerTls),
    ]);

    public static ObjectShape OutboundTrafficPolicy { get; } = new(
    [
        new("egressProxy", new ObjectShape(
        [
            new("host", StringShape.Any, Required: true),
            new("port", new ObjectShape([new("number", IntegerShape.UInt32)])),
            new("subset", StringShape.Any),
        ])),
        new("mode", new StringShape(Enum: OutboundModes)),
    ]);

    public static ObjectShape Spec { get; } = new(
    [
        new("egress", new ListShape(EgressListener)),
        new("inboundConnectionPool", ConnectionPool),
        new("ingress", new ListShape(IngressListener)),
        new("outboundTrafficPolicy", OutboundTrafficPolicy),
        new("workloadSelector", new ObjectShape(
        [
            new("labels", new MapShape(new StringShape(MaxLength: 63), MaxProperties: 256)),
        ])),
    ]);

    /// <summary>Unlike ServiceEntry, the Sidecar CRD does not require spec.</summary>
    public static ObjectShape Document { get; } = ResourceEnvelope.For(Spec, specRequired: false);
}
