using EgressInfra.Core.Config;
using EgressInfra.Core.Explain;

namespace EgressInfra.Core.Tests.Explain;

/// <summary>Destinations a stack allows, and which entry carries them and why it matches.</summary>
public class EgressExplainerAllowedTests
{
    private const string WildcardStack = """
        config:
          egress-infra:environment: dev
          egress-infra:egress:
            namespaces: [web]
            services:
              - name: example-wildcard
                hosts: ["*.example.com"]
                ports: [{ number: 443, protocol: TLS }]
        """;

    [Fact]
    public void Explain_ExactHost_IsAllowedThroughTheServicesEntry()
    {
        var e = ExplainFixture.Shipped("prod", "payments", "api.stripe.com", 443);

        Assert.Equal(ExplainOutcome.Declared, e.Outcome);
        Assert.True(e.Allowed);
        Assert.Equal(HostMatchKind.Exact, e.Match!.Kind);
        Assert.Equal("ServiceEntry payments/stripe-api", e.Match.Resource);
        Assert.Equal("egress.services[0]", e.Match.ConfigPath);
        Assert.Equal(443, e.Match.Port!.Number);
        Assert.Equal("./*", e.Match.Import);
        Assert.Equal(ServiceProtocol.Tls, e.Protocol);
        Assert.Null(e.Symptom);
        Assert.Null(e.Change);
    }

    [Fact]
    public void Explain_HostIsMatchedCaseInsensitivelyAndWithoutTrailingDot()
    {
        var e = ExplainFixture.Shipped("prod", "payments", "API.Stripe.com.", 443);

        Assert.Equal(ExplainOutcome.Declared, e.Outcome);
    }

    [Theory]
    [InlineData("api.example.com")]
    [InlineData("eu.api.example.com")]
    public void Explain_SubdomainOfAWildcard_IsAllowedAndWarnsAboutSiblings(string host)
    {
        var e = ExplainFixture.Text(WildcardStack, "web", host, 443);

        Assert.Equal(ExplainOutcome.Declared, e.Outcome);
        Assert.Equal(HostMatchKind.Wildcard, e.Match!.Kind);
        Assert.Equal("*.example.com", e.Match.Declared);
        Assert.Contains(e.Notes, n => n.Contains("every other subdomain", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_AddressInsideACidr_IsAllowedByAddress()
    {
        // 140.82.112.0/20 is one of GitHub's git ranges, which the dev stack lists through the github-ssh preset.
        var e = ExplainFixture.Shipped("dev", "sandbox", "140.82.115.4", 22, ServiceProtocol.Tcp);

        Assert.Equal(ExplainOutcome.Declared, e.Outcome);
        Assert.Equal(HostMatchKind.Address, e.Match!.Kind);
        Assert.Equal("140.82.112.0/20", e.Match.Declared);
        Assert.Equal("preset-github-ssh", e.Match.Service);
        Assert.Equal("egress.presets[3]", e.Match.ConfigPath);
        Assert.Null(e.Match.PortPath);
    }

    [Fact]
    public void Explain_ExactAddress_IsAllowedByAddress()
    {
        var e = ExplainFixture.Shipped("prod", "orders", "10.42.8.15", 5432);

        Assert.Equal(ExplainOutcome.Declared, e.Outcome);
        Assert.Equal(HostMatchKind.Address, e.Match!.Kind);
        Assert.Equal("orders-db", e.Match.Service);
    }

    [Fact]
    public void Explain_TcpByName_NotesThatTheNameMustResolveToAnAddress()
    {
        var e = ExplainFixture.Shipped("prod", "orders", "orders-db.prod.internal", 5432);

        Assert.True(e.Allowed);
        Assert.Contains(e.Notes, n => n.Contains("must resolve to one of 10.42.8.15/32", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_AllowAny_PassesUndeclaredTrafficThroughPassthroughCluster()
    {
        var stack = """
            config:
              egress-infra:environment: dev
              egress-infra:egress:
                outboundTrafficPolicy: ALLOW_ANY
                namespaces: [web]
            """;

        var e = ExplainFixture.Text(stack, "web", "example.org", 443);

        Assert.Equal(ExplainOutcome.Passthrough, e.Outcome);
        Assert.True(e.Allowed);
        Assert.Contains("PassthroughCluster", e.Reason, StringComparison.Ordinal);
        Assert.Contains(e.Notes, n => n.Contains("under REGISTRY_ONLY", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_TcpPortWithoutAddressesAndResolutionNone_OpensThePortForEveryone()
    {
        var stack = """
            config:
              egress-infra:environment: dev
              egress-infra:egress:
                namespaces: [web]
                services:
                  - name: any-postgres
                    hosts: [db.example.com]
                    ports: [{ number: 5432, protocol: TCP }]
                    resolution: NONE
            """;

        var e = ExplainFixture.Text(stack, "web", "other-db.example.net", 5432);

        Assert.Equal(ExplainOutcome.PortWide, e.Outcome);
        Assert.True(e.Allowed);
        Assert.Equal(HostMatchKind.PortWide, e.Match!.Kind);
        Assert.Contains(e.Notes, n => n.Contains("give it its addresses", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_TlsAskedOnATcpPort_PassesAsOpaqueBytes()
    {
        var e = ExplainFixture.Shipped("prod", "orders", "10.42.8.15", 5432, ServiceProtocol.Tls);

        Assert.True(e.Allowed);
        Assert.Contains(e.Notes, n => n.Contains("opaque bytes", StringComparison.Ordinal));
    }
}
