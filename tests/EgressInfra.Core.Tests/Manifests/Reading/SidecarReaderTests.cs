using EgressInfra.Core.Manifests;
using static EgressInfra.Core.Tests.Manifests.Reading.ManifestYaml;

namespace EgressInfra.Core.Tests.Manifests.Reading;

public class SidecarReaderTests
{
    private const string Header = "apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: payments\n";

    [Fact]
    public void Read_GathersEgressHostsAndMode()
    {
        var read = Read(Header + "spec:\n  egress:\n  - hosts: [\"./*\", \"istio-system/*\"]\n  outboundTrafficPolicy:\n    mode: REGISTRY_ONLY\n");

        Assert.Empty(read.Diagnostics);
        var sidecar = Assert.IsType<Sidecar>(read.Object);
        Assert.Equal(["./*", "istio-system/*"], sidecar.Spec.EgressHosts);
        Assert.Equal("REGISTRY_ONLY", sidecar.Spec.OutboundTrafficPolicy);
    }

    [Fact]
    public void Spec_IsOptionalForSidecars()
    {
        var read = Read(Header);

        Assert.Empty(read.Diagnostics);
        Assert.Equal(string.Empty, Assert.IsType<Sidecar>(read.Object).Spec.OutboundTrafficPolicy);
    }

    [Theory]
    [InlineData("  egress:\n  - port: {number: 80}\n", "EGR152", "spec.egress[0].hosts")]
    [InlineData("  egress:\n  - hosts: [\"./*\"]\n    captureMode: IPTABLE\n", "EGR153", "spec.egress[0].captureMode")]
    [InlineData("  outboundTrafficPolicy:\n    mode: REGISTRY\n", "EGR153", "spec.outboundTrafficPolicy.mode")]
    [InlineData("  egress:\n  - hosts: [\"./*\"]\n    hostz: []\n", "EGR150", "spec.egress[0].hostz")]
    [InlineData("  ingress:\n  - defaultEndpoint: 127.0.0.1:8080\n", "EGR152", "spec.ingress[0].port")]
    [InlineData("  ingress:\n  - port: {number: 9080}\n    tls: {mode: SIMPEL}\n", "EGR153", "spec.ingress[0].tls.mode")]
    [InlineData("  inboundConnectionPool:\n    tcp: {maxConnections: \"10\"}\n", "EGR151", "spec.inboundConnectionPool.tcp.maxConnections")]
    public void SchemaRules_ApplyToSidecars(string spec, string code, string path)
    {
        var read = Read(Header + "spec:\n" + spec);

        Assert.Equal(path, Single(read, code).Path);
    }
}
