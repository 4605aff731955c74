using EgressInfra.Core.Manifests.Reading;

namespace EgressInfra.Core.Validation.VirtualServices;

/// <summary>
/// The VirtualService CRD's structural schema (networking.istio.io v1, v1beta1, v1alpha3). The spec's
/// own fields are strict; the parts below are open (unknown fields warn), since Istio adds fields there.
/// </summary>
public static class VirtualServiceSchema
{
    private static readonly ObjectShape StringMatch = Open(
        new("exact", StringShape.Any), new("prefix", StringShape.Any), new("regex", StringShape.Any));

    private static readonly ObjectShape PortSelector = Open(new Field("number", IntegerShape.UInt32));

    public static ObjectShape Destination { get; } = Open(
        new("host", StringShape.Any, Required: true), new("port", PortSelector), new("subset", StringShape.Any));

    private static readonly ObjectShape HeaderOperations = Open(
        new("add", MapShape.Strings), new("remove", ListShape.Strings), new("set", MapShape.Strings));

    private static readonly ObjectShape Headers = Open(new("request", HeaderOperations), new("response", HeaderOperations));

    private static readonly ObjectShape Percent = Open(new Field("value", new NumberShape()));

    private static readonly ObjectShape HttpMatch = Open(
        new("authority", StringMatch), new("gateways", ListShape.Strings), new("headers", new MapShape(StringMatch)),
        new("ignoreUriCase", BooleanShape.Instance), new("method", StringMatch), new("name", StringShape.Any),
        new("port", IntegerShape.UInt32), new("queryParams", new MapShape(StringMatch)), new("scheme", StringMatch),
        new("sourceLabels", MapShape.Strings), new("sourceNamespace", StringShape.Any), new("statPrefix", StringShape.Any),
        new("uri", StringMatch), new("withoutHeaders", new MapShape(StringMatch)));

    private static readonly ObjectShape HttpRoute = Open(
        new("corsPolicy", new ObjectShape(
        [
            new("allowCredentials", BooleanShape.Instance), new("allowHeaders", ListShape.Strings), new("allowMethods", ListShape.Strings),
            new("allowOrigin", ListShape.Strings), new("allowOrigins", new ListShape(StringMatch)), new("exposeHeaders", ListShape.Strings),
            new("maxAge", StringShape.Any), new("unmatchedPreflights", StringShape.Any),
        ], Open: true)),
        new("delegate", Open(new("name", StringShape.Any), new("namespace", StringShape.Any))),
        new("directResponse", Open(new("body", Open(new("bytes", StringShape.Any), new("string", StringShape.Any))), new("status", IntegerShape.UInt32, Required: true))),
        new("fault", Open(
            new("abort", Open(new("grpcStatus", StringShape.Any), new("http2Error", StringShape.Any), new("httpStatus", IntegerShape.Int32), new("percentage", Percent))),
            new("delay", Open(new("exponentialDelay", StringShape.Any), new("fixedDelay", StringShape.Any), new("percent", IntegerShape.Int32), new("percentage", Percent))))),
        new("headers", Headers),
        new("match", new ListShape(HttpMatch)),
        new("mirror", Destination),
        new("mirror_percent", IntegerShape.UInt32),
        new("mirrorPercent", IntegerShape.UInt32),
        new("mirrorPercentage", Percent),
        new("mirrors", new ListShape(Open(new("destination", Destination, Required: true), new("percentage", Percent)))),
        new("name", StringShape.Any),
        new("redirect", Open(
            new("authority", StringShape.Any), new("derivePort", new StringShape(Enum: ["FROM_PROTOCOL_DEFAULT", "FROM_REQUEST_PORT"])),
            new("port", IntegerShape.UInt32), new("prefixRewrite", StringShape.Any), new("redirectCode", IntegerShape.UInt32),
            new("scheme", StringShape.Any), new("uri", StringShape.Any))),
        new("retries", Open(
            new("attempts", IntegerShape.Int32), new("backoff", StringShape.Any), new("perTryTimeout", StringShape.Any),
            new("retryIgnorePreviousHosts", BooleanShape.Instance), new("retryOn", StringShape.Any), new("retryRemoteLocalities", BooleanShape.Instance))),
        new("rewrite", Open(new("authority", StringShape.Any), new("uri", StringShape.Any), new("uriRegexRewrite", Open(new("match", StringShape.Any), new("rewrite", StringShape.Any))))),
        new("route", new ListShape(Open(new("destination", Destination, Required: true), new("headers", Headers), new("weight", IntegerShape.Int32)))),
        new("timeout", StringShape.Any));

    private static readonly ObjectShape RouteDestination = Open(new("destination", Destination, Required: true), new("weight", IntegerShape.Int32));

    private static readonly ObjectShape TcpRoute = Open(
        new("match", new ListShape(Open(
            new("destinationSubnets", ListShape.Strings), new("gateways", ListShape.Strings), new("port", IntegerShape.UInt32),
            new("sourceLabels", MapShape.Strings), new("sourceNamespace", StringShape.Any), new("sourceSubnet", StringShape.Any)))),
        new("route", new ListShape(RouteDestination)));

    private static readonly ObjectShape TlsRoute = Open(
        new("match", new ListShape(Open(
            new("destinationSubnets", ListShape.Strings), new("gateways", ListShape.Strings), new("port", IntegerShape.UInt32),
            new("sniHosts", ListShape.Strings, Required: true), new("sourceLabels", MapShape.Strings), new("sourceNamespace", StringShape.Any))), Required: true),
        new("route", new ListShape(RouteDestination)));

    public static ObjectShape Spec { get; } = new(
    [
        new("exportTo", ListShape.Strings),
        new("gateways", ListShape.Strings),
        new("hosts", ListShape.Strings),
        new("http", new ListShape(HttpRoute)),
        new("tcp", new ListShape(TcpRoute)),
        new("tls", new ListShape(TlsRoute)),
    ]);

    public static ObjectShape Document { get; } = ResourceEnvelope.For(Spec, specRequired: false);

    private static ObjectShape Open(params Field[] fields) => new(fields, Open: true);
}
