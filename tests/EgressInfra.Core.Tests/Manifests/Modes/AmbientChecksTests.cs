namespace EgressInfra.Core.Tests.Manifests.Modes;

/// <summary>What ambient ignores or cannot carry, tried with the spellings and combinations that would slip past.</summary>
public class AmbientChecksTests
{
    private static IReadOnlyList<string> Codes(string services, string ambient = "", string extra = "", string environment = "prod") =>
        [.. AmbientFixture.Evaluate(services, ambient, environment, extra).Diagnostics.Select(d => $"{d.Code} {d.Path}")];

    private static string Service(string body, string name = "partner") => $"""
        - name: {name}
          owner: o
          reason: r
          namespaces: [orders]
        {string.Join("\n", body.Split('\n').Select(l => "  " + l))}
        """;

    [Fact]
    public void TheExampleServices_AreClean()
    {
        var plan = AmbientFixture.Evaluate(AmbientFixture.Stripe + "\n" + AmbientFixture.Rates);

        Assert.DoesNotContain(plan.Diagnostics, d => d.Code.StartsWith("EGR07", StringComparison.Ordinal) || d.Code.StartsWith("EGR37", StringComparison.Ordinal));
        Assert.False(plan.HasErrors, string.Join("\n", plan.Diagnostics));
    }

    [Theory]
    [InlineData("[\"*\"]")]
    [InlineData("[\"~\"]")]
    [InlineData("[orders]")]
    [InlineData("[\".\", orders]")]
    public void ExportTo_OtherThanItsDefault_IsWarnedAsIgnored(string exportTo)
    {
        var codes = Codes(Service($"hosts: [api.partner.example]\nports: [{{number: 443, protocol: TLS}}]\nresolution: DNS\nexportTo: {exportTo}"), environment: "dev");

        Assert.Contains("EGR370 egress.services[0].exportTo", codes);
    }

    [Fact]
    public void ExportTo_IsRenderedAsDotWhateverTheConfigSays()
    {
        var plan = AmbientFixture.Evaluate(Service("hosts: [api.partner.example]\nports: [{number: 443, protocol: TLS}]\nresolution: DNS\nexportTo: [\"*\"]"), environment: "dev");

        Assert.Equal(["."], Assert.Single(plan.Manifests!.ServiceEntries).Spec.ExportTo);
    }

    [Theory]
    [InlineData("\"*.partner.example\"", "DNS")]
    [InlineData("\"*.partner.example\"", "NONE")]
    [InlineData("\"*\"", "NONE")]
    public void WildcardHosts_WithoutDynamicDns_AreRefused(string host, string resolution)
    {
        var extra = resolution == "NONE" ? "\naddresses: [203.0.113.7]" : string.Empty;
        var codes = Codes(Service($"hosts: [api.partner.example, {host}]\nports: [{{number: 443, protocol: TLS}}]\nresolution: {resolution}{extra}"), environment: "dev");

        Assert.Contains("EGR371 egress.services[0].hosts[1]", codes);
        Assert.DoesNotContain("EGR371 egress.services[0].hosts[0]", codes);
    }

    [Fact]
    public void WildcardWithDynamicDns_OnTls_NeedsTheFeatureFlag_ButIsNotRefused()
    {
        var codes = Codes(Service("hosts: [\"*.partner.example\"]\nports: [{number: 443, protocol: TLS}]\nresolution: DYNAMIC_DNS"), environment: "dev");

        Assert.Contains("EGR374 egress.services[0].hosts[0]", codes);
        Assert.DoesNotContain(codes, c => c.StartsWith("EGR371", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("UDP")]
    [InlineData("udp")]
    [InlineData("Udp")]
    public void UdpPorts_AreRefusedInAnySpelling(string protocol)
    {
        var plan = AmbientFixture.Evaluate(Service($"hosts: [ntp.partner.example]\naddresses: [203.0.113.9]\nports: [{{number: 443, protocol: TLS}}, {{number: 123, protocol: {protocol}}}]\nresolution: STATIC\nendpoints: [{{address: 203.0.113.9}}]"), environment: "dev");

        Assert.Contains(plan.Diagnostics, d => d.Code == "EGR372" && d.Path == "egress.services[0].ports[1].protocol" && d.IsError);
        Assert.Null(plan.Manifests);
    }

    [Fact]
    public void ResolutionNoneWithoutAddresses_IsRefused_WithAddresses_IsFine()
    {
        var without = Codes(Service("hosts: [db.partner.example]\nports: [{number: 5432, protocol: TCP}]\nresolution: NONE"), environment: "dev");
        var with = Codes(Service("hosts: [db.partner.example]\naddresses: [10.1.2.3/32]\nports: [{number: 5432, protocol: TCP}]\nresolution: NONE"), environment: "dev");

        Assert.Contains("EGR373 egress.services[0].resolution", without);
        Assert.DoesNotContain(with, c => c.StartsWith("EGR373", StringComparison.Ordinal));
    }

    [Fact]
    public void OutboundTrafficPolicy_IsAWarningThatItHasNoEffect_EvenWhenRegistryOnly()
    {
        foreach (var policy in new[] { "REGISTRY_ONLY", "ALLOW_ANY" })
        {
            var plan = AmbientFixture.Evaluate(AmbientFixture.Stripe, extra: $"outboundTrafficPolicy: {policy}\n");

            var finding = Assert.Single(plan.Diagnostics, d => d.Code == "EGR070");
            Assert.Equal("egress.outboundTrafficPolicy", finding.Path);
            Assert.False(finding.IsError);
            Assert.DoesNotContain(plan.Diagnostics, d => d.Code == "EGR301");
        }
    }

    [Fact]
    public void WithoutTheNetworkPolicy_TheRegistryOnlyRuleIsNotMet()
    {
        var plan = AmbientFixture.Evaluate(AmbientFixture.Stripe, extra: "networkPolicy: {enabled: false}\n");

        var finding = Assert.Single(plan.Diagnostics, d => d.Code == "EGR301");
        Assert.True(finding.IsError);
        Assert.Equal("egress.networkPolicy.enabled", finding.Path);
    }

    [Theory]
    [InlineData("ambient: {namespace: orders}\n", "egress.ambient.namespace")]
    [InlineData("ambient: {waypointNamespace: payments}\n", "egress.ambient.waypointNamespace")]
    public void TheEgressPath_MayNotBeAGovernedNamespace(string ambient, string path)
    {
        var plan = AmbientFixture.Evaluate(AmbientFixture.Stripe, ambient);

        Assert.Contains(plan.Diagnostics, d => d.Code == "EGR071" && d.Path == path && d.IsError);
    }

    [Theory]
    [InlineData("none", "EGR074")]
    [InlineData("Waypoint", "EGR012")]
    [InlineData("a.b", "EGR012")]
    public void WaypointNames_ThatIstioReservesOrKubernetesRejects_AreRefused(string name, string code)
    {
        var plan = AmbientFixture.Evaluate(AmbientFixture.Stripe, $"ambient: {{waypoint: \"{name}\"}}\n");

        Assert.Contains(plan.Diagnostics, d => d.Code == code && d.Path == "egress.ambient.waypoint" && d.IsError);
    }

    [Fact]
    public void AServiceNamedLikeTheWaypointPolicy_IsRefused()
    {
        var plan = AmbientFixture.Evaluate(Service("hosts: [api.partner.example]\nports: [{number: 443, protocol: TLS}]\nresolution: DNS", "waypoint-sources"));

        Assert.Contains(plan.Diagnostics, d => d.Code == "EGR073" && d.Path == "egress.services[0].name");
    }

    [Fact]
    public void UnknownAmbientKeys_AndAmbientBlocksInOtherModes_AreReported()
    {
        var typo = AmbientFixture.Evaluate(AmbientFixture.Stripe, "ambient: {waypont: w}\n");
        var elsewhere = StackText.Evaluate(StackText.WithServices(AmbientFixture.Stripe, extraEgress: "ambient: {waypoint: w}\n"));

        Assert.Contains(typo.Diagnostics, d => d.Code == "EGR003" && d.Path == "egress.ambient.waypont");
        Assert.Contains(elsewhere.Diagnostics, d => d.Code == "EGR056" && d.Path == "egress.ambient");
    }

    [Fact]
    public void BypassGateway_HasNoEffectInAmbient()
    {
        var codes = Codes(Service("hosts: [api.partner.example]\naddresses: [203.0.113.7]\nports: [{number: 443, protocol: TLS}]\nresolution: STATIC\nendpoints: [{address: 203.0.113.7}]\nbypassGateway: true"), environment: "dev");

        Assert.Contains("EGR056 egress.services[0].bypassGateway", codes);
    }
}
