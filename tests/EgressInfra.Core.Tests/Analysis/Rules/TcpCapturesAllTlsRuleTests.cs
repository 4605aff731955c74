using EgressInfra.Core.Collections;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;
using static EgressInfra.Core.Tests.Analysis.TestEntries;

namespace EgressInfra.Core.Tests.Analysis.Rules;

public class TcpCapturesAllTlsRuleTests
{
    private static readonly string Code = AnalysisCodes.TcpCapturesAllTls.Code;

    [Fact]
    public void TcpOn443WithoutAddresses_DnsResolution_SaysOtherDomainsGetItsCertificate()
    {
        var finding = Assert.Single(Findings(Code, Entry("api", hosts: ["api.vendor.com"], ports: ["443/TCP"])));

        Assert.Equal("spec.ports[0].protocol", finding.Diagnostic.Path);
        Assert.Contains("api.vendor.com", finding.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("certificate", finding.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnsetOn443WithoutAddresses_NoneResolution_SaysRegistryOnlyIsBypassed()
    {
        var finding = Assert.Single(Findings(Code, Entry("api", ports: ["443"], resolution: "NONE")));

        Assert.Equal("spec.ports[0]", finding.Diagnostic.Path);
        Assert.Contains("REGISTRY_ONLY", finding.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TcpOn443WithAddresses_OrTls_Passes()
    {
        Assert.Empty(Findings(
            Code,
            Entry("a", ports: ["443/TCP"], addresses: ["203.0.113.10"]),
            Entry("b", ports: ["443/TLS"])));
    }

    // protocol.Parse lower-cases before it compares, so every spelling below is the same protocol
    // to istiod, and ModelProtocolToListenerProtocol gives each a TCP listener on 0.0.0.0:443.
    [Theory]
    [InlineData("TCP")]
    [InlineData("tcp")]
    [InlineData("Tcp")]
    [InlineData("Mongo")]
    [InlineData("MONGO")]
    [InlineData("mongo")]
    [InlineData("mOnGo")]
    [InlineData("Redis")]
    [InlineData("REDIS")]
    [InlineData("redis")]
    [InlineData("MySQL")]
    [InlineData("MYSQL")]
    [InlineData("mysql")]
    [InlineData("MySql")]
    public void EveryOpaqueTcpSpellingOn443WithoutAddresses_IsReported(string protocol)
    {
        var finding = Assert.Single(Findings(Code, Entry("db", hosts: ["db.vendor.com"], ports: [$"443/{protocol}"])));

        Assert.Equal("spec.ports[0].protocol", finding.Diagnostic.Path);
        Assert.Contains($"port 443 is {protocol} with no addresses", finding.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("db.vendor.com", finding.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mongo")]
    [InlineData("REDIS")]
    [InlineData("mysql")]
    public void DatabaseOn443_DnsResolution_SaysTheBytesReachThatServer_NotItsCertificate(string protocol)
    {
        var message = Assert.Single(Findings(Code, Entry("db", hosts: ["db.vendor.com"], ports: [$"443/{protocol}"]))).Diagnostic.Message;

        Assert.Contains($"is sent to db.vendor.com, a {protocol} server", message, StringComparison.Ordinal);
        Assert.DoesNotContain("certificate", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mongo")]
    [InlineData("Redis")]
    [InlineData("MySQL")]
    public void DatabaseOn443_NoneResolution_SaysRegistryOnlyIsBypassed(string protocol)
    {
        var message = Assert.Single(Findings(Code, Entry("db", ports: [$"443/{protocol}"], resolution: "NONE"))).Diagnostic.Message;

        Assert.Contains("REGISTRY_ONLY no longer blocks", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mongo")]
    [InlineData("redis")]
    [InlineData("MYSQL")]
    [InlineData("TCP")]
    public void DatabaseOrTcpOn443WithAddresses_Passes(string protocol)
    {
        Assert.Empty(Findings(Code, Entry("db", ports: [$"443/{protocol}"], addresses: ["203.0.113.0/24"])));
    }

    // TLS and HTTPS get SNI-matched chains (tls.go buildSidecarOutboundTLSFilterChainOpts); the
    // HTTP family is EGR202's; UDP builds no listener; an unknown value is rejected by validation.
    [Theory]
    [InlineData("TLS")]
    [InlineData("tls")]
    [InlineData("HTTPS")]
    [InlineData("https")]
    [InlineData("HTTP")]
    [InlineData("HTTP2")]
    [InlineData("GRPC")]
    [InlineData("GRPC-Web")]
    [InlineData("HTTP_PROXY")]
    [InlineData("UDP")]
    [InlineData("THRIFT")]
    public void NonOpaqueProtocolsOn443_AreNotThisRule(string protocol)
    {
        Assert.Empty(Findings(Code, Entry("x", ports: [$"443/{protocol}"])));
    }

    // A ServiceEntry's protocol comes from its protocol field alone (conversion.go convertPort);
    // a port name that starts with a protocol does not set it, so these stay unset and sniffed.
    [Theory]
    [InlineData("mongo-443")]
    [InlineData("redis")]
    [InlineData("mysql-primary")]
    [InlineData("tls")]
    [InlineData("https")]
    [InlineData("tls-443")]
    public void PortNamedAfterAProtocol_WithoutProtocol_IsStillUnset(string name)
    {
        var entry = WithPorts(Entry("db", hosts: ["db.vendor.com"]), new ServicePort(443, null, name));

        var finding = Assert.Single(Findings(Code, entry));

        Assert.Equal("spec.ports[0]", finding.Diagnostic.Path);
        Assert.Contains("port 443 is unset with no addresses", finding.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyProtocolString_IsUnset_AndReported()
    {
        var entry = WithPorts(Entry("db"), new ServicePort(443, string.Empty, "p"));

        Assert.Single(Findings(Code, entry));
    }

    [Fact]
    public void OtherPortsOfADatabase_AreNotThisRule_OnlyItsPort443()
    {
        var finding = Assert.Single(Findings(Code, Entry("db", ports: ["27017/Mongo", "6379/Redis", "3306/MySQL", "443/Mongo", "8443/TCP"])));

        Assert.Equal("spec.ports[3].protocol", finding.Diagnostic.Path);
    }

    [Fact]
    public void SeveralEntries_EachOpaquePort443WithoutAddressesIsReported_OthersAreNot()
    {
        var findings = Findings(
            Code,
            Entry("tls", ports: ["443/TLS"]),
            Entry("mongo", ports: ["443/Mongo"]),
            Entry("redis", ports: ["443/redis"], resolution: "NONE"),
            Entry("mysql", ports: ["443/MySQL"], addresses: ["198.51.100.7"]),
            Entry("tcp", ports: ["443/TCP"]),
            Entry("https", ports: ["443/HTTPS"]));

        Assert.Equal(
            ["ServiceEntry payments/mongo", "ServiceEntry payments/redis", "ServiceEntry payments/tcp"],
            findings.Select(f => f.Diagnostic.Resource).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ATlsEntryNextToADatabaseOn443_DoesNotHideIt()
    {
        // The TLS entry's SNI chain only claims its own name; the Mongo chain is still the default.
        var entry = Entry("mixed", ports: ["443/Mongo"]);
        var tls = Entry("vendor", hosts: ["api.vendor.com"], ports: ["443/TLS"], addresses: ["203.0.113.9"]);

        Assert.Equal("ServiceEntry payments/mixed", Assert.Single(Findings(Code, entry, tls)).Diagnostic.Resource);
    }

    // exportTo decides which proxies build the listener, not whether it is a catch-all: only an
    // entry no proxy sees ("~") is quiet.
    [Theory]
    [InlineData(new string[0], true)]
    [InlineData(new[] { "*" }, true)]
    [InlineData(new[] { "orders" }, true)]
    [InlineData(new[] { "~" }, false)]
    public void DatabaseOn443_ExportedAnywhere_IsReported_ButNotWhenHidden(string[] exportTo, bool reported)
    {
        var findings = Findings(Code, Entry("db", ports: ["443/Redis"], exportTo: exportTo));

        Assert.Equal(reported ? 1 : 0, findings.Count);
    }

    // The resolution changes where the captured bytes go, never whether they are captured.
    [Theory]
    [InlineData("DNS")]
    [InlineData("DNS_ROUND_ROBIN")]
    [InlineData("STATIC")]
    [InlineData("NONE")]
    [InlineData(null)]
    public void DatabaseOn443_AnyResolution_IsReported(string? resolution)
    {
        Assert.Single(Findings(Code, Entry("db", ports: ["443/MySQL"], resolution: resolution)));
    }

    private static ServiceEntry WithPorts(ServiceEntry entry, params ServicePort[] ports) =>
        entry with { Spec = entry.Spec with { Ports = ports.ToValueList() } };
}
