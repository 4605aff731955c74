using EgressInfra.Core.Manifests.Reading;

namespace EgressInfra.Core.Validation.DestinationRules;

/// <summary>
/// The DestinationRule CRD's structural schema (networking.istio.io v1, v1beta1, v1alpha3). The spec's
/// own fields are strict; the traffic policy parts are open (unknown fields warn), as Istio grows them.
/// </summary>
public static class DestinationRuleSchema
{
    public static IReadOnlyList<string> TlsModes { get; } = ["DISABLE", "SIMPLE", "MUTUAL", "ISTIO_MUTUAL"];

    public static ObjectShape ClientTls { get; } = Open(
        new("caCertificates", StringShape.Any), new("caCrl", StringShape.Any), new("clientCertificate", StringShape.Any),
        new("credentialName", StringShape.Any), new("insecureSkipVerify", AnyShape.Instance), new("mode", new StringShape(Enum: TlsModes)),
        new("privateKey", StringShape.Any), new("sni", StringShape.Any), new("subjectAltNames", ListShape.Strings));

    private static readonly ObjectShape ConnectionPool = Open(
        new("http", Open(
            new("h2UpgradePolicy", new StringShape(Enum: ["DEFAULT", "DO_NOT_UPGRADE", "UPGRADE"])),
            new("http1MaxPendingRequests", IntegerShape.Int32), new("http2KeepAlive", Open(new("interval", StringShape.Any), new("timeout", StringShape.Any))),
            new("http2MaxRequests", IntegerShape.Int32), new("idleTimeout", StringShape.Any), new("maxConcurrentStreams", IntegerShape.Int32),
            new("maxRequestsPerConnection", IntegerShape.Int32), new("maxRetries", IntegerShape.Int32), new("useClientProtocol", BooleanShape.Instance))),
        new("tcp", Open(
            new("connectTimeout", StringShape.Any), new("idleTimeout", StringShape.Any), new("maxConnectionDuration", StringShape.Any),
            new("maxConnections", IntegerShape.Int32),
            new("tcpKeepalive", Open(new("interval", StringShape.Any), new("probes", IntegerShape.UInt32), new("time", StringShape.Any))))));

    private static readonly ObjectShape OutlierDetection = Open(
        new("baseEjectionTime", StringShape.Any), new("consecutive5xxErrors", AnyShape.Instance), new("consecutiveErrors", IntegerShape.Int32),
        new("consecutiveGatewayErrors", AnyShape.Instance), new("consecutiveLocalOriginFailures", AnyShape.Instance), new("interval", StringShape.Any),
        new("maxEjectionPercent", IntegerShape.Int32), new("minHealthPercent", IntegerShape.Int32),
        new("outlierDetectionHttpErrorCodes", new ListShape(IntegerShape.Int32)), new("splitExternalLocalOriginErrors", BooleanShape.Instance));

    // The load balancer's many variants are checked by the rules, not field by field here.
    private static readonly ObjectShape LoadBalancer = Open(
        new("backendUtilization", AnyShape.Instance), new("consistentHash", AnyShape.Instance), new("localityLbSetting", AnyShape.Instance),
        new("simple", new StringShape(Enum: ["UNSPECIFIED", "LEAST_CONN", "RANDOM", "PASSTHROUGH", "ROUND_ROBIN", "LEAST_REQUEST"])),
        new("warmup", AnyShape.Instance), new("warmupDurationSecs", StringShape.Any), new("zoneAwareLbSetting", AnyShape.Instance));

    private static readonly ObjectShape PortPolicy = Open(
        new("connectionPool", ConnectionPool), new("loadBalancer", LoadBalancer), new("outlierDetection", OutlierDetection),
        new("port", Open(new Field("number", IntegerShape.UInt32))), new("tls", ClientTls));

    public static ObjectShape TrafficPolicy { get; } = Open(
        new("connectionPool", ConnectionPool), new("loadBalancer", LoadBalancer), new("outlierDetection", OutlierDetection),
        new("portLevelSettings", new ListShape(PortPolicy, MaxItems: 4096)),
        new("proxyProtocol", Open(new Field("version", new StringShape(Enum: ["V1", "V2"])))),
        new("retryBudget", AnyShape.Instance), new("tls", ClientTls),
        new("tunnel", Open(new("protocol", StringShape.Any), new("targetHost", StringShape.Any, Required: true), new("targetPort", IntegerShape.UInt32, Required: true))));

    public static ObjectShape Spec { get; } = new(
    [
        new("exportTo", ListShape.Strings),
        new("host", StringShape.Any, Required: true),
        new("subsets", new ListShape(Open(new("labels", MapShape.Strings), new("name", StringShape.Any, Required: true), new("trafficPolicy", TrafficPolicy)))),
        new("trafficPolicy", TrafficPolicy),
        new("workloadSelector", Open(new Field("matchLabels", MapShape.Strings))),
    ]);

    public static ObjectShape Document { get; } = ResourceEnvelope.For(Spec, specRequired: false);

    private static ObjectShape Open(params Field[] fields) => new(fields, Open: true);
}
