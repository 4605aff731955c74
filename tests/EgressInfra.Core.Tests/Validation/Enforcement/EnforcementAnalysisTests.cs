using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Lint;

namespace EgressInfra.Core.Tests.Validation.Enforcement;

/// <summary>The cross-object rules (EGR470-477) and the restrictive profile's rules (EGR490-491), each tripped and passed through lint.</summary>
public sealed class EnforcementAnalysisTests
{
    private const string Gateway = """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: egress, namespace: istio-system}
        spec:
          selector: {istio: egressgateway}
          servers:
          - port: {number: 443, name: tls, protocol: TLS}
            hosts: [api.example.com]
            tls: {mode: PASSTHROUGH}
        """;

    private static string Vs(string gateways, string subset = "api", string host = "api.example.com") => """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: route, namespace: istio-system}
        spec:
          hosts: [HOST]
          gateways: [GATEWAYS]
          tls:
          - match: [{gateways: [mesh], port: 443, sniHosts: [HOST]}]
            route: [{destination: {host: istio-egressgateway.istio-system.svc.cluster.local, subset: SUBSET, port: {number: 443}}}]
          - match: [{gateways: [egress], port: 443, sniHosts: [HOST]}]
            route: [{destination: {host: HOST, port: {number: 443}}}]
        """.Replace("GATEWAYS", gateways, StringComparison.Ordinal).Replace("SUBSET", subset, StringComparison.Ordinal).Replace("HOST", host, StringComparison.Ordinal);

    private const string GatewayDr = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: to-gateway, namespace: istio-system}
        spec:
          host: istio-egressgateway.istio-system.svc.cluster.local
          subsets:
          - name: api
            trafficPolicy: {tls: {mode: ISTIO_MUTUAL, sni: api.example.com}}
        """;

    private static LintResult Lint(LintOptions? options, params string[] docs) =>
        ManifestLinter.Lint([("set.yaml", string.Join("\n---\n", docs))], options);

    private static List<Diagnostic> Codes(LintResult result, string code) => [.. result.Diagnostics.Where(d => d.Code == code)];

    [Fact]
    public void Complete_egress_gateway_setup_has_no_enforcement_findings()
    {
        var result = Lint(null, Gateway, Vs("egress, mesh"), GatewayDr);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code.StartsWith("EGR4", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_gateway_is_IST0101_at_the_reference()
    {
        var result = Lint(null, Vs("nowhere, mesh"), GatewayDr);
        var finding = Assert.Single(Codes(result, "EGR470"));
        Assert.Equal("spec.gateways[0]", finding.Path);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(6, finding.Location!.Line);
    }

    [Theory]
    [InlineData("egress", false)]
    [InlineData("istio-system/egress", false)]
    [InlineData("egress.istio-system.svc.cluster.local", false)]
    [InlineData("other/egress", true)]
    public void Gateway_references_resolve_like_istio(string reference, bool missing)
    {
        var result = Lint(null, Gateway, Vs($"{reference}, mesh"), GatewayDr);
        Assert.Equal(missing, Codes(result, "EGR470").Count > 0);
    }

    [Fact]
    public void Missing_subset_is_IST0101()
    {
        var result = Lint(null, Gateway, Vs("egress, mesh", subset: "other"), GatewayDr);
        Assert.Single(Codes(result, "EGR471"));
    }

    [Fact]
    public void Host_the_gateway_does_not_serve_is_IST0132()
    {
        var result = Lint(null, Gateway, Vs("egress, mesh", host: "other.example.com"), GatewayDr);
        Assert.Single(Codes(result, "EGR472"));
    }

    [Fact]
    public void Gateway_host_scoped_to_another_namespace_is_not_served()
    {
        var scoped = Gateway.Replace("hosts: [api.example.com]", "hosts: [payments/api.example.com]", StringComparison.Ordinal);
        Assert.Single(Codes(Lint(null, scoped, Vs("egress, mesh"), GatewayDr), "EGR472"));
        var own = Gateway.Replace("hosts: [api.example.com]", "hosts: [./api.example.com]", StringComparison.Ordinal);
        Assert.Empty(Codes(Lint(null, own, Vs("egress, mesh"), GatewayDr), "EGR472"));
    }

    [Fact]
    public void Two_gateways_on_one_selector_port_and_host_conflict()
    {
        var second = Gateway.Replace("name: egress,", "name: egress2,", StringComparison.Ordinal);
        var result = Lint(null, Gateway, second);
        Assert.Equal(2, Codes(result, "EGR473").Count);
        var otherPort = second.Replace("number: 443", "number: 8443", StringComparison.Ordinal);
        Assert.Empty(Codes(Lint(null, Gateway, otherPort), "EGR473"));
    }

    [Fact]
    public void Gateway_subset_without_istio_mutual_is_reported_on_the_rule()
    {
        var plain = GatewayDr.Replace("trafficPolicy: {tls: {mode: ISTIO_MUTUAL, sni: api.example.com}}", "labels: {istio: egressgateway}", StringComparison.Ordinal);
        var finding = Assert.Single(Codes(Lint(null, Gateway, Vs("egress, mesh"), plain), "EGR476"));
        Assert.Equal("DestinationRule istio-system/to-gateway", finding.Resource);
        var disabled = GatewayDr.Replace("ISTIO_MUTUAL", "DISABLE", StringComparison.Ordinal);
        Assert.Single(Codes(Lint(null, Gateway, Vs("egress, mesh"), disabled), "EGR476"));
    }

    [Fact]
    public void Port_level_istio_mutual_on_the_rule_counts()
    {
        var portLevel = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: to-gateway, namespace: istio-system}
            spec:
              host: istio-egressgateway.istio-system.svc.cluster.local
              subsets: [{name: api}]
              trafficPolicy:
                portLevelSettings:
                - port: {number: 443}
                  tls: {mode: ISTIO_MUTUAL}
            """;
        Assert.Empty(Codes(Lint(null, Gateway, Vs("egress, mesh"), portLevel), "EGR476"));
    }

    private const string TlsEntry = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: api, namespace: payments}
        spec:
          hosts: [api.example.com]
          ports: [{number: 443, name: tls, protocol: TLS}]
          resolution: DNS
          exportTo: ["."]
        """;

    [Fact]
    public void Tls_origination_on_a_tls_port_is_double_tls()
    {
        var dr = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: api, namespace: payments}
            spec:
              host: api.example.com
              trafficPolicy: {tls: {mode: SIMPLE}}
            """;
        Assert.Single(Codes(Lint(null, TlsEntry, dr), "EGR475"));
        Assert.Empty(Codes(Lint(null, TlsEntry, dr.Replace("SIMPLE", "DISABLE", StringComparison.Ordinal)), "EGR475"));
        var httpPort = TlsEntry.Replace("{number: 443, name: tls, protocol: TLS}", "{number: 80, name: http, protocol: HTTP, targetPort: 443}", StringComparison.Ordinal);
        Assert.Empty(Codes(Lint(null, httpPort, dr), "EGR475"));
    }

    [Fact]
    public void Tls_origination_for_http_routed_to_the_tls_port_is_not_double()
    {
        var dr = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: api, namespace: payments}
            spec:
              host: api.example.com
              trafficPolicy:
                portLevelSettings: [{port: {number: 443}, tls: {mode: SIMPLE}}]
            """;
        var vs = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: api, namespace: payments}
            spec:
              hosts: [api.example.com]
              http: [{route: [{destination: {host: api.example.com, port: {number: 443}}}]}]
            """;
        Assert.Single(Codes(Lint(null, TlsEntry, dr), "EGR475"));
        Assert.Empty(Codes(Lint(null, TlsEntry, dr, vs), "EGR475"));
    }

    [Fact]
    public void Policy_targeting_a_missing_service_entry_matches_nothing()
    {
        var policy = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: p, namespace: payments}
            spec:
              targetRefs: [{kind: ServiceEntry, group: networking.istio.io, name: NAME}]
              rules: [{from: [{source: {namespaces: [payments]}}]}]
            """;
        Assert.Single(Codes(Lint(null, TlsEntry, policy.Replace("NAME", "apii", StringComparison.Ordinal)), "EGR474"));
        Assert.Empty(Codes(Lint(null, TlsEntry, policy.Replace("NAME", "api", StringComparison.Ordinal)), "EGR474"));
    }

    [Fact]
    public void Policy_selector_no_gateway_of_its_namespace_carries_matches_nothing()
    {
        var policy = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: p, namespace: istio-system}
            spec:
              selector: {matchLabels: {istio: LABEL}}
              rules: [{from: [{source: {namespaces: [payments]}}]}]
            """;
        Assert.Single(Codes(Lint(null, Gateway, policy.Replace("LABEL", "egresgateway", StringComparison.Ordinal)), "EGR474"));
        Assert.Empty(Codes(Lint(null, Gateway, policy.Replace("LABEL", "egressgateway", StringComparison.Ordinal)), "EGR474"));
        Assert.Empty(Codes(Lint(null, policy.Replace("LABEL", "egresgateway", StringComparison.Ordinal)), "EGR474"));
    }

    private const string MeshedNamespace = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: payments, labels: {istio-injection: enabled}}
        """;

    private static string Np(string egress) => $$"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: np, namespace: payments}
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress: {{egress}}
        """;

    [Theory]
    [InlineData("[{to: [{ipBlock: {cidr: 203.0.113.0/24}}], ports: [{port: 443}]}]", true)]
    [InlineData("[{ports: [{port: 53, protocol: TCP}]}]", true)]
    [InlineData("[]", true)]
    [InlineData("[{ports: [{port: 53, protocol: UDP}]}]", false)]
    [InlineData("[{to: [{namespaceSelector: {}}], ports: [{port: 50, endPort: 60, protocol: UDP}]}]", false)]
    [InlineData("[{}]", false)]
    public void Network_policy_without_dns_in_a_meshed_namespace(string egress, bool blocks)
    {
        Assert.Equal(blocks, Codes(Lint(null, MeshedNamespace, Np(egress)), "EGR477").Count == 1);
        Assert.Empty(Codes(Lint(null, Np(egress)), "EGR477"));
    }

    private const string AllowAll = """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: allow, namespace: istio-system}
        spec:
          selector: {matchLabels: {istio: egressgateway}}
          action: ALLOW
          rules: [{}]
        """;

    [Fact]
    public void Restrictive_requires_a_policy_at_the_egress_gateway()
    {
        var restrictive = LintOptions.ForProfile(LintOptions.RestrictiveProfile);
        var bare = Lint(restrictive, Gateway, Vs("egress, mesh"), GatewayDr);
        Assert.Equal(Severity.Error, Assert.Single(Codes(bare, "EGR490")).Severity);
        Assert.Empty(Codes(Lint(null, Gateway, Vs("egress, mesh"), GatewayDr), "EGR490"));
        var guarded = AllowAll.Replace("rules: [{}]", "rules: [{from: [{source: {namespaces: [payments]}}]}]", StringComparison.Ordinal);
        Assert.Empty(Codes(Lint(restrictive, Gateway, Vs("egress, mesh"), GatewayDr, guarded), "EGR490"));
    }

    [Fact]
    public void Restrictive_rejects_an_allow_policy_with_an_empty_rule()
    {
        var restrictive = LintOptions.ForProfile(LintOptions.RestrictiveProfile);
        var finding = Assert.Single(Codes(Lint(restrictive, AllowAll), "EGR491"));
        Assert.Equal("spec.rules[0]", finding.Path);
        Assert.Empty(Codes(Lint(null, AllowAll), "EGR491"));
        Assert.Empty(Codes(Lint(restrictive, AllowAll.Replace("action: ALLOW", "action: DENY", StringComparison.Ordinal)), "EGR491"));
    }

    [Fact]
    public void Restrictive_requires_a_policy_for_a_waypoint_service_entry()
    {
        var restrictive = LintOptions.ForProfile(LintOptions.RestrictiveProfile);
        var entry = TlsEntry.Replace("metadata: {name: api, namespace: payments}", "metadata: {name: api, namespace: payments, labels: {istio.io/use-waypoint: waypoint}}", StringComparison.Ordinal);
        Assert.Single(Codes(Lint(restrictive, entry), "EGR490"));
        var policy = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: p, namespace: payments}
            spec:
              targetRefs: [{kind: ServiceEntry, group: networking.istio.io, name: api}]
              rules: [{from: [{source: {namespaces: [payments]}}]}]
            """;
        Assert.Empty(Codes(Lint(restrictive, entry, policy), "EGR490"));
    }
}
