using System.Net;
using EgressInfra.Core.Validation.Istio.Syntax;

namespace EgressInfra.Core.Tests.Validation.Istio.Syntax;

// Expected verdicts are Go net/netip's (ParseAddr, ParsePrefix), which Istio uses.
public class IstioIpTests
{
    public static TheoryData<string> ValidAddresses =>
    [
        "0.0.0.0", "1.1.1.1", "10.0.0.1", "255.255.255.255", "192.168.0.10",
        "::", "::1", "1::", "2001:db8::1", "2001:DB8::A", "001:db8::", "fe80::1%eth0", "fe80::1%1",
        "1:2:3:4:5:6:7:8", "::ffff:1.2.3.4", "1:2:3:4:5:6:1.2.3.4", "::1.2.3.4", "1::1.2.3.4", "fe80::1%a/b/c",
    ];

    public static TheoryData<string> InvalidAddresses =>
    [
        "", "010.0.0.1", "127.1", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1.2.3.", ".1.2.3", "1..2.3", "00.0.0.0",
        "1.2.3.4%eth0", "%eth0", "1.2.3.4/32", "fe80::1%", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", ":::",
        "1::2::3", "12345::", "::g", "1:2:3:4:5:6:7::8", "1:2:3:4:5:6:7:8::", "1:2:3:4:5:1.2.3.4", "::01.2.3.4",
        "::1.2.3", ":1::", "1:", "example.com", " 1.1.1.1", "1.1.1.1 ", "[::1]", "0x7f.0.0.1", "١.١.١.١",
    ];

    public static TheoryData<string> ValidPrefixes =>
    [
        "10.0.0.0/8", "172.1.2.16/16", "0.0.0.0/0", "1.2.3.4/32", "2001:db8::/32", "::/0", "::1/128", "::ffff:1.2.3.4/96",
    ];

    public static TheoryData<string> InvalidPrefixes =>
    [
        "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/08", "10.0.0.0/+8", "10.0.0.0/-1", "fe80::1%eth0/64",
        "010.0.0.0/8", "10.0.0/8", "/8", "10.0.0.0/8/8", "10.0.0.0/ 8", "10.0.0.0/99999999999999999999",
    ];

    [Theory]
    [MemberData(nameof(ValidAddresses))]
    public void IsAddress_AcceptsGoNetipForms(string address) => Assert.True(IstioIp.IsAddress(address), address);

    [Theory]
    [MemberData(nameof(InvalidAddresses))]
    public void IsAddress_RejectsWhatGoNetipRejects(string address) => Assert.False(IstioIp.IsAddress(address), address);

    [Theory]
    [MemberData(nameof(ValidPrefixes))]
    public void IsPrefix_AcceptsHostBitsAndFullRange(string prefix) => Assert.True(IstioIp.IsPrefix(prefix), prefix);

    [Theory]
    [MemberData(nameof(InvalidPrefixes))]
    public void IsPrefix_RejectsZonesLeadingZerosAndOutOfRangeLengths(string prefix) => Assert.False(IstioIp.IsPrefix(prefix), prefix);

    [Theory]
    [InlineData("fe80::1%eth0/64", PrefixProblem.Zone)]
    [InlineData("10.0.0.0/33", PrefixProblem.LengthOutOfRange)]
    [InlineData("10.0.0.0/08", PrefixProblem.BadLength)]
    [InlineData("10.0.0/8", PrefixProblem.BadAddress)]
    [InlineData("10.0.0.0", PrefixProblem.NoSlash)]
    public void CheckPrefix_NamesTheProblem(string prefix, PrefixProblem expected) => Assert.Equal(expected, IstioIp.CheckPrefix(prefix));

    [Theory]
    [InlineData("1.2.3.4", true)]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("fe80::1%eth0", true)]
    [InlineData("fe80::1%eth0/64", false)]
    [InlineData("1.2.3.4/8/8", false)]
    public void IsAddressOrPrefix_FollowsValidateIPSubnet(string value, bool expected) => Assert.Equal(expected, IstioIp.IsAddressOrPrefix(value));

    // The reason this parser exists: .NET's address parser accepts forms Go rejects.
    [Theory]
    [InlineData("127.1")]
    [InlineData("010.0.0.1")]
    [InlineData("1")]
    public void DotNetParser_AcceptsWhatIstioRejects(string address)
    {
        Assert.True(IPAddress.TryParse(address, out _));
        Assert.False(IstioIp.IsAddress(address));
    }
}
