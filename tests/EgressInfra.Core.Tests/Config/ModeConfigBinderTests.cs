using EgressInfra.Core.Config;

namespace EgressInfra.Core.Tests.Config;

public class ModeConfigBinderTests
{
    private const string PartnerApi = """
        - name: partner-api
          hosts: [api.partner.example]
          ports:
            - {number: 80, protocol: HTTP, originateTls: true, targetPort: 443}
        """;

    private const string Gateway = """
        mode: gateway
        gateway:
          namespace: egress-gw
          selector: {istio: egressgateway, team: platform}
          service: egress-gw-svc
        networkPolicy:
          enabled: true
          dns: {namespace: dns-system, selector: {app: coredns}}
          controlPlane: {namespace: istio-cp, selector: {app: istiod}}
        """;

    [Fact]
    public void GatewayBlock_BindsEveryKey()
    {
        var plan = StackText.Evaluate(StackText.WithServices(PartnerApi, extraEgress: Gateway));

        Assert.False(plan.HasErrors, string.Join("\n", plan.Diagnostics));
        var egress = plan.Config!.Egress;
        Assert.Equal(EgressMode.Gateway, egress.Mode);
        Assert.Equal("egress-gw", egress.Gateway.Namespace);
        Assert.Equal("egress-gw-svc", egress.Gateway.Service);
        Assert.Equal("egress-gw-svc.egress-gw.svc.cluster.local", egress.Gateway.ServiceHost);
        Assert.Equal(["istio", "team"], egress.Gateway.Selector.Keys);
        Assert.True(egress.NetworkPolicy.Enabled);
        Assert.Equal(new PeerSelector("dns-system", Collections.ValueMap.Of(("app", "coredns"))), egress.NetworkPolicy.Dns);
        Assert.Equal("istio-cp", egress.NetworkPolicy.ControlPlane.Namespace);
        var port = Assert.Single(Assert.Single(egress.Services).Ports);
        Assert.True(port.OriginateTls);
        Assert.Equal(443, port.DestinationPort);
    }

    [Fact]
    public void Defaults_AreSidecarModeAndTheProfilesNetworkPolicyStance()
    {
        var dev = StackText.Evaluate(StackText.WithServices(PartnerApi)).Config!.Egress;
        var prod = StackText.Evaluate(StackText.WithServices(PartnerApi, environment: "prod")).Config!.Egress;

        Assert.Equal(EgressMode.Sidecar, dev.Mode);
        Assert.Equal(GatewayConfig.Default, dev.Gateway);
        Assert.False(dev.NetworkPolicy.Enabled);
        Assert.True(prod.NetworkPolicy.Enabled);
    }

    [Theory]
    [InlineData("mode: Gateway", "EGR005", "egress.mode")]
    [InlineData("mode: gateway\ngateway: {namespace: Istio_Egress}", "EGR012", "egress.gateway.namespace")]
    [InlineData("mode: gateway\ngateway: {selector: {}}", "EGR004", "egress.gateway.selector")]
    [InlineData("mode: gateway\ngateway: {selector: {'bad key!': x}}", "EGR005", "egress.gateway.selector[\"bad key!\"]")]
    [InlineData("mode: gateway\ngateway: {servce: x}", "EGR003", "egress.gateway.servce")]
    [InlineData("networkPolicy: {enabled: yes-please}", "EGR002", "egress.networkPolicy.enabled")]
    [InlineData("networkPolicy: {dns: {selector: []}}", "EGR002", "egress.networkPolicy.dns.selector")]
    public void BadModeSettings_AreReportedAtTheirPath(string extra, string code, string path)
    {
        var plan = StackText.Evaluate(StackText.WithServices(PartnerApi, extraEgress: extra));

        Assert.Contains(plan.Errors, d => d.Code == code && d.Path == path);
        Assert.Null(plan.Manifests);
    }

    [Theory]
    [InlineData("TLS")]
    [InlineData("HTTPS")]
    [InlineData("TCP")]
    public void OriginateTls_OnANonHttpPort_IsAnError(string protocol)
    {
        var services = $$"""
            - name: partner-api
              hosts: [api.partner.example]
              ports:
                - {number: 443, protocol: {{protocol}}, originateTls: true}
            """;

        var plan = StackText.Evaluate(StackText.WithServices(services));

        var finding = Assert.Single(plan.Errors);
        Assert.Equal(("EGR051", "egress.services[0].ports[0].originateTls"), (finding.Code, finding.Path));
    }
}
