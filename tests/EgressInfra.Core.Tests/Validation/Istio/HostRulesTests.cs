using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Tests.Validation.Istio;

public class HostRulesTests
{
    [Theory]
    [InlineData("api.example.com")]
    [InlineData("API.Example.COM")]
    [InlineData("istio.io.")]
    [InlineData("*.example.com")]
    public void ValidHosts_HaveNoFindings(string host)
    {
        Assert.Empty(Se.Check(Se.Make(hosts: [host], resolution: "NONE", addresses: ["10.0.0.1"])));
    }

    [Fact]
    public void NoHosts_IsRejected()
    {
        Assert.Contains("EGR106 spec.hosts", Se.Findings(Se.Make(hosts: [], resolution: "NONE")));
    }

    [Fact]
    public void FullWildcard_IsAnErrorOnly()
    {
        Assert.Equal(["EGR107 spec.hosts[1]"], Se.Findings(Se.Make(hosts: ["a.com", "*"], resolution: "NONE", ports: [Se.Port(443, "TLS")])));
    }

    [Theory]
    [InlineData("foo.*.com")]
    [InlineData("foo*.bar.com")]
    [InlineData("1.1.1.1")]
    [InlineData("::1")]
    [InlineData("https://x.com/y")]
    [InlineData("x.com:443")]
    [InlineData("my_host.example.com")]
    [InlineData("")]
    [InlineData("a..b")]
    public void InvalidHosts_AreRejected(string host)
    {
        Assert.Contains("EGR108 spec.hosts[0]", Se.Findings(Se.Make(hosts: [host], resolution: "NONE")));
    }

    [Theory]
    [InlineData("https://x.com/y", "write only the host name: x.com")]
    [InlineData("http://user@x.com:8080/path?q", "write only the host name: x.com")]
    [InlineData("x.com/y", "write only the host name: x.com")]
    [InlineData("x.com:443", "declare port 443 in ports")]
    [InlineData("1.1.1.1", "put IP addresses in addresses")]
    [InlineData("127.1", "put IP addresses in addresses")]
    [InlineData("10.0.0.0/8", "put IP addresses and CIDR blocks in addresses")]
    [InlineData("2001:db8::1", "put IP addresses in addresses")]
    [InlineData("foo.*.com", "a wildcard may only start the host")]
    public void InvalidHosts_GetAHintForTheCommonMistake(string host, string hint)
    {
        var finding = Se.Check(Se.Make(hosts: [host], resolution: "NONE")).First(d => d.Code == "EGR108");

        Assert.Contains(hint, finding.Hint, StringComparison.Ordinal);
        Assert.Contains(host, finding.Message, StringComparison.Ordinal);
    }

    // A partial wildcard is admitted with a warning, not denied.
    [Theory]
    [InlineData("*foo.com")]
    [InlineData("*-foo.bar.com")]
    [InlineData("*x")]
    public void PartialWildcard_IsOnlyAWarning(string host)
    {
        var findings = Se.Check(Se.Make(hosts: [host], resolution: "NONE", addresses: ["10.0.0.1"]));

        var only = Assert.Single(findings);
        Assert.Equal(("EGR109", Severity.Warning), (only.Code, only.Severity));
    }

    [Fact]
    public void PartialWildcard_IsWarnedEvenWhenTheHostIsAlsoInvalid()
    {
        Assert.Equal(["EGR108", "EGR109"], Se.Codes(Se.Make(hosts: ["foo*.bar.com"], resolution: "NONE", addresses: ["10.0.0.1"])));
    }

    [Fact]
    public void PartialWildcard_IsExemptUnderDynamicDns()
    {
        Assert.Empty(Se.Check(Se.Make(hosts: ["*foo.com"], resolution: "DYNAMIC_DNS", ports: [Se.Port(443, "TLS")])));
    }

    [Fact]
    public void DuplicateHosts_AreNotAnIstioError()
    {
        Assert.Empty(Se.Check(Se.Make(hosts: ["a.com", "a.com"], ports: [Se.Port(443, "TLS")])));
    }
}
