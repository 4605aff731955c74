namespace EgressInfra.Core.Tests.Validation.Istio;

public class AddressRulesTests
{
    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("172.1.2.16/16")]
    [InlineData("2001:db8::/32")]
    [InlineData("fe80::1%eth0")]
    [InlineData("0.0.0.0/0")]
    public void ValidAddresses_HaveNoFindings(string address)
    {
        Assert.Empty(Se.Check(Se.Make(hosts: ["db.internal"], addresses: [address], resolution: "NONE", ports: [Se.Port(5432, "TCP")])));
    }

    [Theory]
    [InlineData("010.0.0.1", "leading zeros")]
    [InlineData("127.1", "all four octets")]
    [InlineData("256.1.1.1", "0..255")]
    [InlineData("fe80::1%eth0/64", "zone")]
    [InlineData("10.0.0.0/33", "prefix length of 0..32")]
    [InlineData("db.example.com", "put host names in hosts")]
    [InlineData("1.2.3.4/8/8", "exactly one '/'")]
    [InlineData("10.0.0.0/08", "plain number")]
    [InlineData("2001:db8::zz", "write an IP address")]
    public void InvalidAddresses_AreRejectedWithAHint(string address, string hint)
    {
        var findings = Se.Check(Se.Make(hosts: ["db.internal"], addresses: [address], resolution: "NONE", ports: [Se.Port(5432, "TCP")]));

        var only = Assert.Single(findings);
        Assert.Equal(("EGR110", "spec.addresses[0]"), (only.Code, only.Path));
        Assert.Contains(hint, only.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void OutOfRangePrefix_SaysWhichRange()
    {
        var finding = Assert.Single(Se.Check(Se.Make(addresses: ["2001:db8::/129"], resolution: "NONE", ports: [Se.Port(443, "TLS")])));

        Assert.Contains("0..128", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NONE")]
    [InlineData("STATIC")]
    public void Cidr_IsAllowedWithNoneAndStatic(string resolution)
    {
        Assert.Empty(Se.Check(Se.Make(addresses: ["10.0.0.0/8"], resolution: resolution)));
    }

    [Theory]
    [InlineData("DNS")]
    [InlineData("DNS_ROUND_ROBIN")]
    public void Cidr_IsRejectedWithDns(string resolution)
    {
        var entry = Se.Make(addresses: ["10.0.0.1", "10.0.0.0/8", "10.1.0.0/16"], resolution: resolution);

        Assert.Equal(["EGR111 spec.addresses[1]"], Se.Findings(entry));
    }

    [Fact]
    public void DuplicateAddresses_AreNotAnIstioError()
    {
        Assert.Empty(Se.Check(Se.Make(addresses: ["10.0.0.1", "10.0.0.1"], resolution: "STATIC")));
    }
}
