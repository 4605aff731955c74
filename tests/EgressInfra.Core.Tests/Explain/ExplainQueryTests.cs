using EgressInfra.Core.Config;
using EgressInfra.Core.Explain;

namespace EgressInfra.Core.Tests.Explain;

public class ExplainQueryTests
{
    [Theory]
    [InlineData("payments", "api.stripe.com", 443, null)]
    [InlineData("payments", "10.0.0.1", 5432, null)]
    [InlineData("payments", "2001:db8::1", 443, null)]
    public void Problems_NoneForAWellFormedQuestion(string ns, string host, int port, ServiceProtocol? protocol)
    {
        Assert.Empty(new ExplainQuery(ns, host, port, protocol).Problems());
    }

    [Theory]
    [InlineData("Payments", "api.stripe.com", 443, null, "namespace")]
    [InlineData("payments", "*.stripe.com", 443, null, "pattern")]
    [InlineData("payments", "api stripe", 443, null, "neither")]
    [InlineData("payments", "api.stripe.com", 0, null, "outside")]
    [InlineData("payments", "dns.example.com", 53, ServiceProtocol.Udp, "UDP")]
    public void Problems_NameWhatIsWrong(string ns, string host, int port, ServiceProtocol? protocol, string expected)
    {
        Assert.Contains(new ExplainQuery(ns, host, port, protocol).Problems(), p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Destination_BracketsIpv6()
    {
        Assert.Equal("[2001:db8::1]:443", new ExplainQuery("a", "2001:db8::1", 443).Destination);
    }

    [Theory]
    [InlineData("tls", ServiceProtocol.Tls)]
    [InlineData("mysql", ServiceProtocol.MySql)]
    [InlineData("GRPC-Web", ServiceProtocol.GrpcWeb)]
    public void ParseProtocol_AcceptsAnyCase(string text, ServiceProtocol expected)
    {
        Assert.Equal(expected, ExplainQuery.ParseProtocol(text));
    }
}
