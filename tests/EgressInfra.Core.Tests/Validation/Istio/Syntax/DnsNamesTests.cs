using EgressInfra.Core.Validation.Istio.Syntax;

namespace EgressInfra.Core.Tests.Validation.Istio.Syntax;

public class DnsNamesTests
{
    [Theory]
    [InlineData("a", true)]
    [InlineData("Foo-Bar9", true)]
    [InlineData("0", true)]
    [InlineData("", false)]
    [InlineData("-a", false)]
    [InlineData("a-", false)]
    [InlineData("a_b", false)]
    [InlineData("a.b", false)]
    [InlineData("é", false)]
    public void IsLabel_IsDns1123WithUpperCase(string label, bool expected) => Assert.Equal(expected, DnsNames.IsLabel(label));

    [Fact]
    public void IsLabel_AllowsAtMost63Characters()
    {
        Assert.True(DnsNames.IsLabel(new string('a', 63)));
        Assert.False(DnsNames.IsLabel(new string('a', 64)));
    }

    [Theory]
    [InlineData("*", true)]
    [InlineData("*foo", true)]
    [InlineData("*-foo", true)]
    [InlineData("foo", true)]
    [InlineData("*-", false)]
    [InlineData("**", false)]
    [InlineData("foo*", false)]
    [InlineData("*--foo", false)]
    public void IsWildcardLabel_AllowsOnlyALeadingStar(string label, bool expected) => Assert.Equal(expected, DnsNames.IsWildcardLabel(label));

    [Theory]
    [InlineData("api.example.com")]
    [InlineData("API.Example.COM")]
    [InlineData("*.example.com")]
    [InlineData("*foo.com")]
    [InlineData("*-foo.bar.com")]
    [InlineData("*x")]
    [InlineData("localhost")]
    [InlineData("istio.io.")]
    [InlineData("*.")]
    [InlineData("1.1.1.com")]
    [InlineData("a.99999999999999999999")]
    public void CheckWildcardDomain_Accepts(string host) => Assert.True(DnsNames.CheckWildcardDomain(host).IsValid, host);

    [Theory]
    [InlineData("", DnsNameProblem.Empty)]
    [InlineData("1.1.1.1", DnsNameProblem.NumericTopLevel)]
    [InlineData("a.-1", DnsNameProblem.NumericTopLevel)]
    [InlineData("::1", DnsNameProblem.InvalidLabel)]
    [InlineData("foo.*.com", DnsNameProblem.InvalidLabel)]
    [InlineData("foo*.bar.com", DnsNameProblem.InvalidLabel)]
    [InlineData("https://x.com/y", DnsNameProblem.InvalidLabel)]
    [InlineData("x.com:443", DnsNameProblem.InvalidLabel)]
    [InlineData("a..b", DnsNameProblem.InvalidLabel)]
    [InlineData(".a", DnsNameProblem.InvalidLabel)]
    [InlineData("my_host.com", DnsNameProblem.InvalidLabel)]
    public void CheckWildcardDomain_Rejects(string host, DnsNameProblem problem) => Assert.Equal(problem, DnsNames.CheckWildcardDomain(host).Problem);

    [Fact]
    public void CheckWildcardDomain_LimitsTheLengthTo255()
    {
        var label = new string('a', 63);
        var host = string.Join('.', label, label, label, new string('a', 63)); // 255 characters
        Assert.True(DnsNames.CheckWildcardDomain(host).IsValid);
        Assert.Equal(DnsNameProblem.TooLong, DnsNames.CheckWildcardDomain(host + "a").Problem);
    }

    [Theory]
    [InlineData("foo", true)]
    [InlineData("api.example.com", true)]
    [InlineData("istio.io.", true)]
    [InlineData("*.example.com", false)]
    [InlineData("1.1.1.1", false)]
    [InlineData("", false)]
    public void CheckFqdn_AcceptsShortNamesButNoWildcards(string name, bool expected) => Assert.Equal(expected, DnsNames.CheckFqdn(name).IsValid);

    [Theory]
    [InlineData("*foo.com", true)]
    [InlineData("*x", true)]
    [InlineData("foo*.com", true)]
    [InlineData("*", false)]
    [InlineData("*.foo.com", false)]
    [InlineData("foo.com", false)]
    public void IsPartialWildcard_MatchesIstio(string host, bool expected) => Assert.Equal(expected, DnsNames.IsPartialWildcard(host));
}
