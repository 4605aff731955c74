namespace EgressInfra.Core.Tests.Lint;

/// <summary>
/// The cases of Istio's TestValidateSidecar (istio/istio pkg/config/validation/validation_test.go),
/// written as the Sidecar spec YAML a user would apply, with Istio's verdict: true when the webhook
/// admits the Sidecar (perhaps with a warning), false when it rejects it. Test data, not Istio code.
/// </summary>
internal static class IstioSidecarCases
{
    private const string AllHosts = "egress: [{ hosts: [\"*/*\"] }]";
    private const string Http90 = "port: { protocol: http, number: 90, name: foo }";
    private const string Tcp90 = "port: { protocol: tcp, number: 90, name: foo }";
    private const string Pool = "{ http: { http1MaxPendingRequests: 1024, http2MaxRequests: 1024, maxRequestsPerConnection: 1024, maxRetries: 1024 } }";

    public static TheoryData<string, string, bool> All => new()
    {
        { "empty ingress and egress", "{}", false },
        { "default", $"{{ {AllHosts} }}", true },
        { "workload selector without labels", $"{{ {AllHosts}, workloadSelector: {{}} }}", true },
        { "import local namespace with wildcard", "{ egress: [{ hosts: [\"./*\"] }] }", true },
        { "import local namespace with fqdn", "{ egress: [{ hosts: [\"./foo.com\"] }] }", true },
        { "import nothing", "{ egress: [{ hosts: [\"~/*\"] }] }", true },
        { "import all except a namespace", "{ egress: [{ hosts: [\"*/*\", \"~ns1/*\"] }] }", true },
        { "import all except an exact host", "{ egress: [{ hosts: [\"*/*\", \"~/foo.com\"] }] }", true },
        { "exclude with invalid namespace", "{ egress: [{ hosts: [\"*/*\", \"~Invalid_NS/*\"] }] }", false },
        { "bad egress host 1", "{ egress: [{ hosts: [\"*\"] }] }", false },
        { "bad egress host 2", "{ egress: [{ hosts: [\"/\"] }] }", false },
        { "empty egress host", "{ egress: [{ hosts: [] }] }", false },
        { "multiple wildcard egress", "{ egress: [{ hosts: [\"*/foo.com\"] }, { hosts: [\"ns1/bar.com\"] }] }", false },
        { "wildcard egress not in end", "{ egress: [{ hosts: [\"*/foo.com\"] }, { port: { protocol: http, number: 8080, name: h8080 }, hosts: [\"ns1/bar.com\"] }] }", false },
        { "invalid Port", "{ egress: [{ port: { protocol: http1, number: 1000000, name: \"\" }, hosts: [\"ns1/bar.com\"] }] }", false },
        { "Port without name", "{ egress: [{ port: { protocol: http, number: 8080 }, hosts: [\"ns1/bar.com\"] }] }", true },
        { "UDS bind in outbound", "{ egress: [{ port: { protocol: http, number: 0, name: uds }, hosts: [\"ns1/bar.com\"], bind: \"unix:///@foo/bar/com\" }] }", true },
        { "UDS bind in inbound", "{ ingress: [{ port: { protocol: http, number: 0, name: uds }, bind: \"unix:///@foo/bar/com\", defaultEndpoint: \"127.0.0.1:9999\" }] }", false },
        { "UDS bind in outbound 2", "{ egress: [{ port: { protocol: http, number: 0, name: uds }, hosts: [\"ns1/bar.com\"], bind: \"unix:///foo/bar/com\" }] }", true },
        { "invalid bind", "{ egress: [{ port: { protocol: http, number: 0, name: uds }, hosts: [\"ns1/bar.com\"], bind: \"foobar:///@foo/bar/com\" }] }", false },
        { "invalid capture mode with uds bind", "{ egress: [{ port: { protocol: http, number: 0, name: uds }, hosts: [\"ns1/bar.com\"], bind: \"unix:///@foo/bar/com\", captureMode: IPTABLES }] }", false },
        { "duplicate UDS bind", "{ egress: [{ port: { protocol: http, number: 0, name: uds }, hosts: [\"ns1/bar.com\"], bind: \"unix:///@foo/bar/com\" }, { port: { protocol: http, number: 0, name: uds }, hosts: [\"ns1/bar.com\"], bind: \"unix:///@foo/bar/com\" }] }", false },
        { "duplicate ports", "{ egress: [{ port: { protocol: http, number: 90, name: foo }, hosts: [\"ns1/bar.com\"] }, { port: { protocol: tcp, number: 90, name: tcp }, hosts: [\"ns2/bar.com\"] }] }", false },
        { "ingress without port", $"{{ ingress: [{{ defaultEndpoint: \"127.0.0.1:110\" }}], {AllHosts} }}", false },
        { "ingress without port and with IPv6 endpoint", $"{{ ingress: [{{ defaultEndpoint: \"[::1]:110\" }}], {AllHosts} }}", false },
        { "ingress with duplicate ports", $"{{ ingress: [{{ {Http90}, defaultEndpoint: \"127.0.0.1:110\" }}, {{ port: {{ protocol: tcp, number: 90, name: bar }}, defaultEndpoint: \"127.0.0.1:110\" }}], {AllHosts} }}", false },
        { "ingress with duplicate ports and IPv6 endpoint", $"{{ ingress: [{{ {Http90}, defaultEndpoint: \"[::1]:110\" }}, {{ port: {{ protocol: tcp, number: 90, name: bar }}, defaultEndpoint: \"[::1]:110\" }}], {AllHosts} }}", false },
        { "ingress without default endpoint", $"{{ ingress: [{{ {Http90} }}], {AllHosts} }}", true },
        { "ingress with invalid default endpoint in IPv4", $"{{ ingress: [{{ {Http90}, defaultEndpoint: \"1.1.1.1:90\" }}] }}", false },
        { "ingress with invalid default endpoint in IPv6", $"{{ ingress: [{{ {Http90}, defaultEndpoint: \"[1:1:1:1:1:1:1:1]:90\" }}] }}", false },
        { "ingress with invalid default endpoint uds", $"{{ ingress: [{{ {Http90}, defaultEndpoint: \"unix:///\" }}], {AllHosts} }}", false },
        { "ingress with invalid default endpoint port in IPv4", $"{{ ingress: [{{ {Http90}, defaultEndpoint: \"127.0.0.1:hi\" }}], {AllHosts} }}", false },
        { "ingress with invalid default endpoint port in IPv6", $"{{ ingress: [{{ {Http90}, defaultEndpoint: \"[::1]:hi\" }}], {AllHosts} }}", false },
        { "valid ingress and egress in IPv4", $"{{ ingress: [{{ {Http90}, defaultEndpoint: \"127.0.0.1:9999\" }}], {AllHosts} }}", true },
        { "valid ingress and egress in IPv6", $"{{ ingress: [{{ {Http90}, defaultEndpoint: \"[::1]:9999\" }}], {AllHosts} }}", true },
        { "valid ingress and empty egress in IPv4", $"{{ ingress: [{{ {Http90}, defaultEndpoint: \"127.0.0.1:9999\" }}] }}", true },
        { "valid ingress and empty egress in IPv6", $"{{ ingress: [{{ {Http90}, defaultEndpoint: \"[::1]:9999\" }}] }}", true },
        { "empty", "{}", false },
        { "just outbound traffic policy", "{ outboundTrafficPolicy: { mode: ALLOW_ANY } }", true },
        { "empty protocol in IPv4", $"{{ ingress: [{{ port: {{ number: 90, name: foo }}, defaultEndpoint: \"127.0.0.1:9999\" }}], {AllHosts} }}", true },
        { "empty protocol in IPv6", $"{{ ingress: [{{ port: {{ number: 90, name: foo }}, defaultEndpoint: \"[::1]:9999\" }}], {AllHosts} }}", true },
        { "ALLOW_ANY sidecar egress policy with no egress proxy", $"{{ outboundTrafficPolicy: {{ mode: ALLOW_ANY }}, {AllHosts} }}", true },
        { "sidecar egress proxy with RESGISTRY_ONLY(default)", $"{{ outboundTrafficPolicy: {{ egressProxy: {{ host: foo.bar, subset: shiny, port: {{ number: 5000 }} }} }}, {AllHosts} }}", false },
        { "sidecar egress proxy with ALLOW_ANY", $"{{ outboundTrafficPolicy: {{ mode: ALLOW_ANY, egressProxy: {{ host: foo.bar, subset: shiny, port: {{ number: 5000 }} }} }}, {AllHosts} }}", true },
        { "sidecar egress proxy with ALLOW_ANY, service hostname invalid fqdn", $"{{ outboundTrafficPolicy: {{ mode: ALLOW_ANY, egressProxy: {{ host: \"foobar*123\", subset: shiny, port: {{ number: 5000 }} }} }}, {AllHosts} }}", false },
        { "sidecar egress proxy(without Port) with ALLOW_ANY", $"{{ outboundTrafficPolicy: {{ mode: ALLOW_ANY, egressProxy: {{ host: foo.bar, subset: shiny }} }}, {AllHosts} }}", false },
        { "ALLOW_ANY_DYNAMIC_DNS rejected in sidecar", $"{{ outboundTrafficPolicy: {{ mode: ALLOW_ANY_DYNAMIC_DNS }}, {AllHosts} }}", false },
        { "sidecar egress only one wildcarded", "{ egress: [{ hosts: [\"*/*\", \"test/a.com\"] }] }", true },
        { "sidecar egress wildcarded ns", "{ egress: [{ hosts: [\"*/b.com\", \"test/a.com\"] }] }", true },
        { "sidecar egress duplicated with wildcarded same namespace", "{ egress: [{ hosts: [\"test/*\", \"test/a.com\"] }] }", true },
        { "invalid partial wildcard", "{ egress: [{ hosts: [\"test/*a.com\"] }] }", false },
        { "sidecar egress duplicated with wildcarded same namespace .", "{ egress: [{ hosts: [\"./*\", \"bar/a.com\"] }] }", true },
        { "ingress tls mode set to ISTIO_MUTUAL", $"{{ ingress: [{{ {Http90}, defaultEndpoint: \"127.0.0.1:9999\", tls: {{ mode: ISTIO_MUTUAL }} }}] }}", false },
        { "ingress tls mode set to AUTO_PASSTHROUGH", $"{{ ingress: [{{ {Http90}, defaultEndpoint: \"127.0.0.1:9999\", tls: {{ mode: AUTO_PASSTHROUGH }} }}] }}", false },
        { "ingress tls invalid protocol", $"{{ ingress: [{{ {Tcp90}, defaultEndpoint: \"127.0.0.1:9999\", tls: {{ mode: SIMPLE }} }}] }}", false },
        { "ingress tls httpRedirect is not supported", $"{{ ingress: [{{ {Tcp90}, defaultEndpoint: \"127.0.0.1:9999\", tls: {{ mode: SIMPLE, httpsRedirect: true }} }}] }}", false },
        { "ingress tls SAN entries are not supported", $"{{ ingress: [{{ {Tcp90}, defaultEndpoint: \"127.0.0.1:9999\", tls: {{ mode: SIMPLE, subjectAltNames: [httpbin.com] }} }}] }}", false },
        { "ingress tls credentialName is not supported", $"{{ ingress: [{{ {Tcp90}, defaultEndpoint: \"127.0.0.1:9999\", tls: {{ mode: SIMPLE, credentialName: secret-name }} }}] }}", false },
        { "ingress tls credentialNames is not supported", $"{{ ingress: [{{ {Tcp90}, defaultEndpoint: \"127.0.0.1:9999\", tls: {{ mode: SIMPLE, credentialNames: [secret-name] }} }}] }}", false },
        { "ingress tls tlsCertificates is not supported", $"{{ ingress: [{{ {Tcp90}, defaultEndpoint: \"127.0.0.1:9999\", tls: {{ mode: SIMPLE, tlsCertificates: [{{ serverCertificate: /a.crt, privateKey: /a.key }}, {{ serverCertificate: /b.crt, privateKey: /b.key }}] }} }}] }}", false },
        { "valid inbound connection pool", $"{{ inboundConnectionPool: {Pool} }}", true },
        { "valid port-level connection pool with top level default", $"{{ ingress: [{{ {Http90}, connectionPool: {Pool} }}], inboundConnectionPool: {Pool} }}", true },
        { "valid port-level connection pool without a top level default", $"{{ ingress: [{{ {Http90}, connectionPool: {Pool} }}] }}", true },
        { "warn http connection settings on tcp port", $"{{ ingress: [{{ {Tcp90}, connectionPool: {Pool} }}] }}", true },
        { "invalid top level connection pool", "{ inboundConnectionPool: {} }", false },
        { "invalid port-level connection pool", $"{{ ingress: [{{ {Tcp90}, connectionPool: {{}} }}] }}", false },
    };

    public static string Document(string spec) =>
        $"apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: foo\n  namespace: bar\nspec: {spec}\n";
}
