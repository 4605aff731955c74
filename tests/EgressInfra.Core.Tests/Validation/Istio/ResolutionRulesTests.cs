using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Tests.Validation.Istio;

public class ResolutionRulesTests
{
    // Resolution defaults to NONE, and NONE takes no endpoints: "endpoints without a resolution" is an error.
    [Theory]
    [InlineData(null)]
    [InlineData("NONE")]
    public void Endpoints_WithNone_AreRejected(string? resolution)
    {
        var entry = Se.Make(resolution: resolution, endpoints: [Se.Endpoint("10.0.0.1")]);

        var finding = Assert.Single(Se.Check(entry));
        Assert.Equal(("EGR119", "spec.endpoints"), (finding.Code, finding.Path));
        Assert.Contains("resolution: STATIC", finding.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoints_WithNone_SuggestDnsForHostNames()
    {
        var finding = Assert.Single(Se.Check(Se.Make(resolution: null, endpoints: [Se.Endpoint("backend.example.com")])));

        Assert.Contains("resolution: DNS", finding.Hint, StringComparison.Ordinal);
        Assert.Contains("not set", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Selector_WithNone_IsAWarning()
    {
        var finding = Assert.Single(Se.Check(Se.Make(resolution: null, selector: Se.Selector(("app", "db")))));

        Assert.Equal(("EGR120", Severity.Warning), (finding.Code, finding.Severity));
    }

    [Theory]
    [InlineData("DNS", "*.example.com")]
    [InlineData("DNS_ROUND_ROBIN", "*.example.com")]
    [InlineData("DNS", "1.1.1.1")]
    public void DnsWithoutEndpoints_NeedsResolvableHosts(string resolution, string host)
    {
        Assert.Contains("EGR129 spec.hosts[1]", Se.Findings(Se.Make(hosts: ["ok.example.com", host], resolution: resolution)));
    }

    // Istio's message speaks of "prefix wildcards", but ValidateFQDN admits no '*' at all: the finding
    // must not suggest that a leading '*.' would pass.
    [Theory]
    [InlineData("*.example.com")]
    [InlineData("*example.com")]
    [InlineData("api.*.com")]
    [InlineData("*")]
    public void DnsWithoutEndpoints_WildcardHost_IsNotToldALeadingWildcardWouldDo(string host)
    {
        var finding = Assert.Single(Se.Check(Se.Make(hosts: [host], resolution: "DNS")), d => d.Code == "EGR129");

        Assert.Contains("may not have one anywhere", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("only a leading", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DnsWithEndpoints_WildcardHost_IsNotJudgedAsAName()
    {
        Assert.DoesNotContain("EGR129", Se.Codes(Se.Make(hosts: ["*.example.com"], resolution: "DNS", endpoints: [Se.Endpoint("backend.example.com")])));
    }

    [Fact]
    public void DnsWithoutEndpoints_ReportsOnlyTheFirstBadHost()
    {
        var entry = Se.Make(hosts: ["*.a.com", "*.b.com"], resolution: "DNS");

        Assert.Equal(["EGR129 spec.hosts[0]"], Se.Findings(entry));
    }

    // Rule 28 is only about DNS without endpoints; short names count as FQDNs.
    [Theory]
    [InlineData("DNS", "foo", false)]
    [InlineData("DNS", "*.example.com", true)]
    [InlineData("NONE", "*.example.com", false)]
    [InlineData("STATIC", "*.example.com", false)]
    public void WildcardOrShortHost_IsFineWhereRule28DoesNotApply(string resolution, string host, bool withEndpoint)
    {
        var endpoints = withEndpoint ? new[] { Se.Endpoint("1.2.3.4") } : null;

        Assert.DoesNotContain("EGR129", Se.Codes(Se.Make(hosts: [host], resolution: resolution, endpoints: endpoints)));
    }

    [Fact]
    public void RoundRobin_AllowsOneEndpointButNotTwo()
    {
        Assert.Empty(Se.Check(Se.Make(resolution: "DNS_ROUND_ROBIN", endpoints: [Se.Endpoint("a.example.com")])));
        Assert.Equal(["EGR130 spec.endpoints"], Se.Findings(Se.Make(resolution: "DNS_ROUND_ROBIN", endpoints: [Se.Endpoint("a.example.com"), Se.Endpoint("b.example.com")])));
    }

    [Fact]
    public void Dns_AllowsSeveralEndpoints()
    {
        Assert.Empty(Se.Check(Se.Make(resolution: "DNS", endpoints: [Se.Endpoint("a.example.com"), Se.Endpoint("10.0.0.1")])));
    }

    [Theory]
    [InlineData("dns", "DNS")]
    [InlineData("Static", "STATIC")]
    [InlineData("DNS-ROUND-ROBIN", "DNS_ROUND_ROBIN")]
    public void LowerCaseResolution_IsRejectedWithTheRightSpelling(string written, string expected)
    {
        var finding = Assert.Single(Se.Check(Se.Make(resolution: written)), d => d.Code == "EGR139");

        Assert.Equal("spec.resolution", finding.Path);
        Assert.Contains(expected, finding.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mesh_external")]
    [InlineData("EXTERNAL")]
    public void UnknownLocation_IsRejected(string location)
    {
        Assert.Equal(["EGR139 spec.location"], Se.Findings(Se.Make(location: location)));
    }

    [Theory]
    [InlineData("MESH_INTERNAL")]
    [InlineData("MESH_EXTERNAL")]
    public void KnownLocations_AreFine(string location)
    {
        Assert.Empty(Se.Check(Se.Make(location: location)));
    }
}
