using System.Net;
using EgressInfra.Core.Collections;
using EgressInfra.Core.Explain;
using EgressInfra.Core.Manifests;

namespace EgressInfra.Core.Tests.Explain;

/// <summary>Istio's host, address, exportTo and import matching, as explain applies it.</summary>
public class DestinationMatcherTests
{
    [Theory]
    [InlineData("api.example.com", "api.example.com", HostMatchKind.Exact)]
    [InlineData("API.example.com", "api.example.com", HostMatchKind.Exact)]
    [InlineData("*.example.com", "api.example.com", HostMatchKind.Wildcard)]
    [InlineData("*.example.com", "a.b.example.com", HostMatchKind.Wildcard)]
    [InlineData("*", "anything.example.org", HostMatchKind.Wildcard)]
    public void MatchHost_Covers(string declared, string host, HostMatchKind kind)
    {
        Assert.Equal(kind, DestinationMatcher.MatchHost(declared, host));
    }

    [Theory]
    [InlineData("*.example.com", "example.com")]
    [InlineData("*.example.com", "badexample.com")]
    [InlineData("*.example.com", ".example.com")]
    [InlineData("api.example.com", "www.example.com")]
    public void MatchHost_DoesNotCover(string declared, string host)
    {
        Assert.Null(DestinationMatcher.MatchHost(declared, host));
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.200.1.1", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("10.42.8.15", "10.42.8.15", true)]
    [InlineData("2001:db8::/32", "2001:db8::1", true)]
    [InlineData("not-an-address", "10.0.0.1", false)]
    public void ContainsAddress_ReadsIpsAndCidrs(string declared, string address, bool expected)
    {
        Assert.Equal(expected, DestinationMatcher.ContainsAddress(declared, IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData(".", "a", "a", true)]
    [InlineData(".", "a", "b", false)]
    [InlineData("*", "a", "b", true)]
    [InlineData("b", "a", "b", true)]
    public void IsExported_FollowsExportTo(string exportTo, string entryNs, string fromNs, bool expected)
    {
        Assert.Equal(expected, DestinationMatcher.IsExported(Spec(["x.example.com"], exportTo), entryNs, fromNs));
    }

    [Theory]
    [InlineData("./*", "a", "a", "./*")]
    [InlineData("./*", "b", "a", null)]
    [InlineData("b/*", "b", "a", "b/*")]
    [InlineData("*/x.example.com", "b", "a", "*/x.example.com")]
    [InlineData("*/y.example.com", "b", "a", null)]
    [InlineData("~/*", "a", "a", null)]
    public void ImportFor_FollowsNamespaceAndHostOfTheImport(string import, string entryNs, string fromNs, string? expected)
    {
        var sidecar = new SidecarSpec(ValueList.Of(import), "REGISTRY_ONLY");

        Assert.Equal(expected, DestinationMatcher.ImportFor(sidecar, Spec(["x.example.com"], "*"), entryNs, fromNs));
    }

    private static ServiceEntrySpec Spec(string[] hosts, string exportTo) =>
        new(ValueList.Of(hosts), ValueList<string>.Empty, ValueList<ServicePort>.Empty, null, null, ValueList<WorkloadEntry>.Empty, null, ValueList.Of(exportTo), ValueList<string>.Empty);
}
