using System.Net.Sockets;
using EgressInfra.Core.Analysis;

namespace EgressInfra.Core.Tests.Analysis;

public class AddressRangeTests
{
    [Theory]
    [InlineData("10.0.0.0/8", "10.0.0.0", "10.255.255.255")]
    [InlineData("10.1.2.3/16", "10.1.0.0", "10.1.255.255")]
    [InlineData("192.0.2.7", "192.0.2.7", "192.0.2.7")]
    [InlineData("0.0.0.0/0", "0.0.0.0", "255.255.255.255")]
    public void Ipv4_CoversItsPrefix(string text, string first, string last)
    {
        Assert.True(AddressRange.TryParse(text, out var range));
        Assert.Equal(AddressFamily.InterNetwork, range.Family);
        Assert.True(AddressRange.TryParse(first, out var a));
        Assert.True(AddressRange.TryParse(last, out var b));
        Assert.Equal((a.Start, b.End), (range.Start, range.End));
    }

    [Fact]
    public void Ipv6_WholeSpace_DoesNotOverflow()
    {
        Assert.True(AddressRange.TryParse("::/0", out var range));
        Assert.Equal((UInt128.Zero, UInt128.MaxValue), (range.Start, range.End));
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("not-an-ip")]
    [InlineData("fe80::1%eth0/64")]
    [InlineData("10.0.0.0/x")]
    [InlineData("127.1")]
    [InlineData("010.0.0.1")]
    [InlineData("10.0.0.0/08")]
    public void Invalid_IsSkipped(string text)
    {
        Assert.False(AddressRange.TryParse(text, out _));
    }

    [Fact]
    public void FamiliesNeverOverlap()
    {
        Assert.True(AddressRange.TryParse("0.0.0.0/0", out var v4));
        Assert.True(AddressRange.TryParse("::/0", out var v6));
        Assert.False(v4.Overlaps(v6));
    }

    [Theory]
    [InlineData("10.0.0.1/8", true, "10.0.0.0/8")]
    [InlineData("10.0.0.0/8", false, "10.0.0.0/8")]
    [InlineData("192.0.2.7", false, "192.0.2.7/32")]
    [InlineData("2001:db8::1/64", true, "2001:db8::/64")]
    public void HostBits_AndCanonicalForm(string text, bool hostBits, string canonical)
    {
        Assert.True(AddressRange.TryParse(text, out var range));
        Assert.Equal((hostBits, canonical), (range.HasHostBits, range.Canonical));
    }
}
